package org.mlc.ledger.api.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Charts drawn on the server as inline SVG: no chart library, nothing to run in the browser,
 * and the same picture printed. Values are whole numbers (minor units, counts, basis points);
 * geometry is integer arithmetic. The y axis has four to six round ticks and names its unit;
 * the x labels may take two lines ("janv." over "2026"). Each chart's figures are also in a table
 * beside it, for screen readers and for anyone who wants the exact numbers.
 */
public final class Svg {

    public static final int WIDTH = 560;
    public static final int HEIGHT = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 12;
    private static final int BOTTOM = 40;
    private static final int TOP = 30;
    private static final int FONT = 13;
    /** Colours with enough contrast on white, distinguishable without colour vision (dark/light). */
    public static final List<String> COLOURS = List.of("#1f4e79", "#7fb3d5", "#b9770e", "#145a32");
    /** Round steps: 1, 2, 2.5 and 5 times a power of ten. */
    private static final long[] NICE = {10, 20, 25, 50};

    private Svg() {
    }

    /** One named series of values, one per label. */
    public record Series(String name, long[] values) {
    }

    /** One named series of a line chart; a null value (nothing to measure that month) leaves a gap. */
    public record Line(String name, List<Long> values) {
    }

    /**
     * The y axis: its unit as a reader names it ("Bou'Sol", "€", "%"), how a tick is written, the
     * smallest step worth a tick (e.g. 100 minor units, one unit) and the top of an axis with
     * nothing to show.
     */
    public record Axis(String unit, LongFunction<String> format, long minStep, long emptyMax) {
    }

    /** A horizontal reference line, e.g. a coverage ratio of 1.0. */
    public record Mark(long value, String label) {
    }

    /**
     * Bars per label: stacked (the parts of one whole, e.g. electronic and paper) or side by side
     * (e.g. conversions and reconversions).
     */
    public static String bars(String title, List<String> labels, List<Series> series, boolean stacked, Axis axis) {
        long max = 0;
        for (int i = 0; i < labels.size(); i++) {
            long total = 0;
            for (Series s : series) {
                total = stacked ? total + Math.max(0, s.values()[i]) : Math.max(total, s.values()[i]);
            }
            max = Math.max(max, total);
        }
        long[] ticks = ticks(max == 0 ? axis.emptyMax() : max, axis.minStep());
        long top = ticks[ticks.length - 1];
        StringBuilder svg = open(title);
        axes(svg, ticks, axis);
        int slot = slot(labels);
        int barWidth = Math.max(2, (slot * 2 / 3) / (stacked ? 1 : Math.max(1, series.size())));
        for (int i = 0; i < labels.size(); i++) {
            int x = LEFT + i * slot + slot / 6;
            long base = 0;
            for (int s = 0; s < series.size(); s++) {
                long value = Math.max(0, series.get(s).values()[i]);
                int height = (int) (value * plotHeight() / top);
                int bottom = y(base, top);
                int barX = stacked ? x : x + s * barWidth;
                svg.append("<rect x=\"").append(barX).append("\" y=\"").append(bottom - height).append("\" width=\"")
                        .append(barWidth).append("\" height=\"").append(height).append("\" fill=\"")
                        .append(COLOURS.get(s % COLOURS.size())).append("\"><title>")
                        .append(escape(oneLine(labels.get(i)) + " · " + series.get(s).name() + " : "
                                + axis.format().apply(value) + " " + axis.unit()))
                        .append("</title></rect>");
                if (stacked) {
                    base += value;
                }
            }
        }
        xLabels(svg, labels);
        legend(svg, series.stream().map(Series::name).toList(), false);
        return svg.append("</svg>").toString();
    }

    /** Lines joining the values of each series, with an optional reference line (e.g. 1.0 for coverage). */
    public static String lines(String title, List<String> labels, List<Line> series, Axis axis, Mark mark) {
        long max = mark == null ? 0 : mark.value();
        for (Line line : series) {
            for (Long value : line.values()) {
                max = Math.max(max, value == null ? 0 : value);
            }
        }
        long[] ticks = ticks(max == 0 ? axis.emptyMax() : max, axis.minStep());
        long top = ticks[ticks.length - 1];
        StringBuilder svg = open(title);
        axes(svg, ticks, axis);
        int slot = slot(labels);
        if (mark != null) {
            int y = y(mark.value(), top);
            svg.append("<line class=\"mark\" x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(y)
                    .append("\" stroke=\"#8a1c1c\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>");
            svg.append(text(WIDTH - RIGHT - 2, y - 4, "end", mark.label(), "#8a1c1c"));
        }
        for (int s = 0; s < series.size(); s++) {
            Line line = series.get(s);
            String colour = COLOURS.get(s % COLOURS.size());
            List<String> run = new ArrayList<>();
            for (int i = 0; i <= labels.size(); i++) {
                Long value = i < labels.size() ? line.values().get(i) : null;
                if (value == null) {
                    if (run.size() > 1) {
                        svg.append("<polyline fill=\"none\" stroke=\"").append(colour)
                                .append("\" stroke-width=\"2.5\" points=\"").append(String.join(" ", run))
                                .append("\"/>");
                    }
                    run.clear();
                    continue;
                }
                int x = LEFT + i * slot + slot / 2;
                int y = y(Math.max(0, value), top);
                run.add(x + "," + y);
                svg.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"3.5\" fill=\"")
                        .append(colour).append("\"><title>")
                        .append(escape(oneLine(labels.get(i)) + " · " + line.name() + " : "
                                + axis.format().apply(value)))
                        .append("</title></circle>");
            }
        }
        xLabels(svg, labels);
        legend(svg, series.stream().map(Line::name).toList(), true);
        return svg.append("</svg>").toString();
    }

    /**
     * Round ticks from 0 to at least {@code max}: the smallest round step (at least {@code minStep})
     * that needs no more than five steps, so that there are four to six ticks.
     */
    public static long[] ticks(long max, long minStep) {
        long top = Math.max(1, max);
        long step = 0;
        for (long power = 1; step == 0; power *= 10) {
            for (long nice : NICE) {
                long candidate = nice * power / 10;
                if (candidate * 10 != nice * power || candidate < Math.max(1, minStep)) {
                    continue;
                }
                if ((top + candidate - 1) / candidate <= 5) {
                    step = candidate;
                    break;
                }
            }
        }
        int steps = (int) Math.max(3, (top + step - 1) / step);
        long[] ticks = new long[steps + 1];
        for (int i = 0; i <= steps; i++) {
            ticks[i] = i * step;
        }
        return ticks;
    }

    private static StringBuilder open(String title) {
        return new StringBuilder().append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" ")
                .append("viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT + 24).append("\"><title>")
                .append(escape(title)).append("</title>");
    }

    /** Grid lines at each tick, their values, the unit above the axis, and the two axes. */
    private static void axes(StringBuilder svg, long[] ticks, Axis axis) {
        long top = ticks[ticks.length - 1];
        for (long tick : ticks) {
            int y = y(tick, top);
            if (tick > 0) {
                svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"")
                        .append(WIDTH - RIGHT).append("\" y2=\"").append(y).append("\" stroke=\"#e2e2e2\"/>");
            }
            svg.append(text(LEFT - 6, y + 4, "end", axis.format().apply(tick), "#222"));
        }
        svg.append("<text class=\"unit\" x=\"4\" y=\"").append(TOP - 14)
                .append("\" text-anchor=\"start\" font-size=\"").append(FONT).append("\" font-weight=\"600\" fill=\"#222\">")
                .append(escape(axis.unit())).append("</text>");
        svg.append(line(LEFT, TOP, LEFT, TOP + plotHeight()))
                .append(line(LEFT, TOP + plotHeight(), WIDTH - RIGHT, TOP + plotHeight()));
    }

    /** The labels under the x axis, one or two lines each. */
    private static void xLabels(StringBuilder svg, List<String> labels) {
        int slot = slot(labels);
        for (int i = 0; i < labels.size(); i++) {
            int x = LEFT + i * slot + slot / 2;
            String[] parts = labels.get(i).split("\n", 2);
            svg.append(text(x, TOP + plotHeight() + 17, "middle", parts[0], "#222"));
            if (parts.length > 1) {
                svg.append(text(x, TOP + plotHeight() + 32, "middle", parts[1], "#4a4a4a"));
            }
        }
    }

    private static void legend(StringBuilder svg, List<String> names, boolean lines) {
        int legendX = LEFT;
        int y = HEIGHT + 8;
        for (int s = 0; s < names.size(); s++) {
            String colour = COLOURS.get(s % COLOURS.size());
            if (lines) {
                svg.append("<line x1=\"").append(legendX).append("\" y1=\"").append(y + 6).append("\" x2=\"")
                        .append(legendX + 14).append("\" y2=\"").append(y + 6).append("\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"2.5\"/>");
            } else {
                svg.append("<rect x=\"").append(legendX).append("\" y=\"").append(y).append("\" width=\"12\" ")
                        .append("height=\"12\" fill=\"").append(colour).append("\"/>");
            }
            svg.append(text(legendX + 18, y + 11, "start", names.get(s), "#222"));
            legendX += 32 + 7 * names.get(s).length();
        }
    }

    private static int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    private static int slot(List<String> labels) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        return labels.isEmpty() ? plotWidth : plotWidth / labels.size();
    }

    private static int y(long value, long top) {
        return TOP + plotHeight() - (int) (value * plotHeight() / top);
    }

    private static String oneLine(String label) {
        return label.replace('\n', ' ');
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"#333\"/>";
    }

    private static String text(int x, int y, String anchor, String content, String colour) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" font-size=\"" + FONT
                + "\" fill=\"" + colour + "\">" + escape(content) + "</text>";
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
