package org.mlc.ledger.api.ui;

import java.util.List;
import java.util.function.LongFunction;

/**
 * Bar charts drawn on the server as inline SVG: no chart library, nothing to run in the browser,
 * and the same picture printed. Values are whole numbers (minor units, counts, basis points);
 * geometry is integer arithmetic. Each chart's figures are also in a table beside it, for screen
 * readers and for anyone who wants the exact numbers.
 */
public final class Svg {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 240;
    private static final int LEFT = 70;
    private static final int BOTTOM = 40;
    private static final int TOP = 16;
    /** Colours with enough contrast on white, distinguishable without colour vision (dark/light). */
    public static final List<String> COLOURS = List.of("#1f4e79", "#7fb3d5", "#b9770e", "#145a32");

    private Svg() {
    }

    /** One named series of values, one per label. */
    public record Series(String name, long[] values) {
    }

    /**
     * Bars per label: stacked (the parts of one whole, e.g. electronic and paper) or side by side
     * (e.g. conversions and reconversions). {@code axis} formats a value for the axis labels.
     */
    public static String bars(String title, List<String> labels, List<Series> series, boolean stacked,
                              LongFunction<String> axis) {
        long max = 1;
        for (int i = 0; i < labels.size(); i++) {
            long total = 0;
            for (Series s : series) {
                total = stacked ? total + Math.max(0, s.values()[i]) : Math.max(total, s.values()[i]);
            }
            max = Math.max(max, total);
        }
        int plotWidth = WIDTH - LEFT - 10;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT + 20).append("\"><title>").append(escape(title))
                .append("</title>");
        // axis: zero and the maximum
        svg.append(line(LEFT, TOP, LEFT, TOP + plotHeight)).append(line(LEFT, TOP + plotHeight, WIDTH - 10,
                TOP + plotHeight));
        svg.append(text(LEFT - 6, TOP + 10, "end", axis.apply(max)));
        svg.append(text(LEFT - 6, TOP + plotHeight, "end", axis.apply(0)));
        int slot = labels.isEmpty() ? plotWidth : plotWidth / labels.size();
        int barWidth = Math.max(2, (slot * 2 / 3) / (stacked ? 1 : Math.max(1, series.size())));
        for (int i = 0; i < labels.size(); i++) {
            int x = LEFT + i * slot + slot / 6;
            long base = 0;
            for (int s = 0; s < series.size(); s++) {
                long value = Math.max(0, series.get(s).values()[i]);
                int height = (int) (value * plotHeight / max);
                int bottom = TOP + plotHeight - (int) (base * plotHeight / max);
                int barX = stacked ? x : x + s * barWidth;
                svg.append("<rect x=\"").append(barX).append("\" y=\"").append(bottom - height).append("\" width=\"")
                        .append(barWidth).append("\" height=\"").append(height).append("\" fill=\"")
                        .append(COLOURS.get(s % COLOURS.size())).append("\"><title>")
                        .append(escape(labels.get(i) + " · " + series.get(s).name() + " : " + axis.apply(value)))
                        .append("</title></rect>");
                if (stacked) {
                    base += value;
                }
            }
            svg.append(text(LEFT + i * slot + slot / 2, TOP + plotHeight + 16, "middle", labels.get(i)));
        }
        // legend
        int legendX = LEFT;
        for (int s = 0; s < series.size(); s++) {
            svg.append("<rect x=\"").append(legendX).append("\" y=\"").append(HEIGHT + 4)
                    .append("\" width=\"12\" height=\"12\" fill=\"").append(COLOURS.get(s % COLOURS.size()))
                    .append("\"/>");
            svg.append(text(legendX + 16, HEIGHT + 14, "start", series.get(s).name()));
            legendX += 24 + 8 * series.get(s).name().length();
        }
        return svg.append("</svg>").toString();
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"#333\"/>";
    }

    private static String text(int x, int y, String anchor, String content) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" font-size=\"12\" fill=\"#222\">"
                + escape(content) + "</text>";
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
