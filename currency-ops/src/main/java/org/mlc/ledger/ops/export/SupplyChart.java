package org.mlc.ledger.ops.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.mlc.ledger.api.report.Indicators;
import org.mlc.ledger.money.Amounts;

/**
 * Units in circulation (bars, left axis) and coverage ratio (line, right axis) per month and
 * currency, drawn with plain Java2D: no charting dependency for one picture in the docs.
 */
public final class SupplyChart {

    public static final int WIDTH_PIXELS = 900;
    public static final int HEIGHT_PIXELS = 480;
    private static final int MARGIN = 70;
    private static final Color[] COLORS = {new Color(0x2E86AB), new Color(0xE07A1F), new Color(0x4CAF50)};

    private SupplyChart() {
    }

    public static void write(List<Indicators.Month> months, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, List<Indicators.Month>> byCurrency = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (Indicators.Month month : months) {
            byCurrency.computeIfAbsent(month.currency(), c -> new ArrayList<>()).add(month);
            if (!labels.contains(month.month().toString())) {
                labels.add(month.month().toString());
            }
        }
        long maxCirculation = Math.max(1, months.stream().mapToLong(Indicators.Month::inCirculationMinor).max().orElse(1));
        double maxCoverage = 1.2;

        BufferedImage image = new BufferedImage(WIDTH_PIXELS, HEIGHT_PIXELS, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH_PIXELS, HEIGHT_PIXELS);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int left = MARGIN;
        int right = WIDTH_PIXELS - MARGIN;
        int top = 50;
        int bottom = HEIGHT_PIXELS - 60;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Units in circulation (bars, left); coverage (solid) and cash coverage (dashed), right; "
                + "end of month", left, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        g.drawLine(right, top, right, bottom);
        for (int i = 0; i <= 4; i++) {
            int y = bottom - (bottom - top) * i / 4;
            g.setColor(new Color(0xDDDDDD));
            g.drawLine(left + 1, y, right - 1, y);
            g.setColor(Color.BLACK);
            g.drawString(Amounts.format(maxCirculation * i / 4).replaceAll("\\.\\d\\d$", ""), 5, y + 4);
            g.drawString(String.format(java.util.Locale.ROOT, "%.2f", maxCoverage * i / 4), right + 8, y + 4);
        }
        // full coverage, the promise of the guarantee fund
        int full = bottom - (int) ((bottom - top) * 1.0 / maxCoverage);
        g.setColor(new Color(0x999999));
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
        g.drawLine(left + 1, full, right - 1, full);
        g.setStroke(new BasicStroke(1f));
        g.drawString("coverage 1.00", right - 90, full - 4);
        int groups = Math.max(1, labels.size());
        int slot = (right - left) / groups;
        int currencies = Math.max(1, byCurrency.size());
        int barWidth = Math.max(4, slot * 2 / 3 / currencies);
        int c = 0;
        for (Map.Entry<String, List<Indicators.Month>> entry : byCurrency.entrySet()) {
            Color color = COLORS[c % COLORS.length];
            int previousX = -1;
            int previousY = -1;
            int previousCashY = -1;
            for (Indicators.Month month : entry.getValue()) {
                int i = labels.indexOf(month.month().toString());
                int x = left + slot * i + slot / 6 + barWidth * c;
                int height = (int) ((bottom - top) * month.inCirculationMinor() / maxCirculation);
                g.setColor(color);
                g.fillRect(x, bottom - height, barWidth - 2, height);
                if (month.coverageRatio() != null) {
                    double coverage = new BigDecimal(month.coverageRatio()).doubleValue(); // drawing only
                    int cx = left + slot * i + slot / 2;
                    int cy = bottom - (int) ((bottom - top) * Math.min(coverage, maxCoverage) / maxCoverage);
                    g.setColor(color.darker());
                    g.setStroke(new BasicStroke(2.5f));
                    if (previousX >= 0) {
                        g.drawLine(previousX, previousY, cx, cy);
                    }
                    g.fillOval(cx - 4, cy - 4, 8, 8);
                    g.drawString(month.coverageRatio(), cx + 6, cy - 6);
                    // the euros held only, without what sponsors owe for the bonus drawn
                    double cash = new BigDecimal(month.cashCoverageRatio()).doubleValue(); // drawing only
                    int cashY = bottom - (int) ((bottom - top) * Math.max(0, Math.min(cash, maxCoverage)) / maxCoverage);
                    g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[]{5f, 4f}, 0f));
                    if (previousX >= 0) {
                        g.drawLine(previousX, previousCashY, cx, cashY);
                    }
                    g.setStroke(new BasicStroke(1f));
                    previousX = cx;
                    previousY = cy;
                    previousCashY = cashY;
                }
            }
            g.setColor(color);
            g.fillRect(left + 10 + c * 160, HEIGHT_PIXELS - 22, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(entry.getKey(), left + 28 + c * 160, HEIGHT_PIXELS - 12);
            c++;
        }
        g.setColor(Color.BLACK);
        for (int i = 0; i < labels.size(); i++) {
            g.drawString(labels.get(i), left + slot * i + slot / 2 - 25, bottom + 18);
        }
        g.dispose();
        // through our own stream: ImageIO prints the stack trace of a file it cannot open and answers null
        try (OutputStream stream = Files.newOutputStream(png)) {
            ImageIO.write(image, "png", stream);
        }
    }
}
