package org.mlc.ledger.ops.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * Payments per second against the number of clients, one line per system and mode, drawn with
 * plain Java2D like {@code export supply --chart}: no charting dependency for one picture.
 */
public final class ThroughputChart {

    public static final int WIDTH_PIXELS = 900;
    public static final int HEIGHT_PIXELS = 480;
    private static final int MARGIN = 70;

    private ThroughputChart() {
    }

    public static void write(List<BenchTable.Row> rows, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, List<LoadRun.Result>> series = new LinkedHashMap<>();
        TreeSet<Integer> ks = new TreeSet<>();
        double max = 1;
        for (BenchTable.Row row : rows) {
            for (LoadRun.Result r : List.of(row.ledger(), row.peer())) {
                series.computeIfAbsent(r.system() + " " + r.mode().name().toLowerCase(Locale.ROOT),
                        s -> new ArrayList<>()).add(r);
                ks.add(r.clients());
                max = Math.max(max, r.perSecond());
            }
        }
        List<Integer> xs = new ArrayList<>(ks);
        double top = niceCeiling(max);
        BufferedImage image = new BufferedImage(WIDTH_PIXELS, HEIGHT_PIXELS, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH_PIXELS, HEIGHT_PIXELS);
        int left = MARGIN;
        int right = WIDTH_PIXELS - 40;
        int upper = 50;
        int bottom = HEIGHT_PIXELS - 70;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Payments per second against concurrent clients K: ledger API vs SQL peer", left, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, upper, left, bottom);
        for (int i = 0; i <= 4; i++) {
            int y = bottom - (bottom - upper) * i / 4;
            g.setColor(new Color(0xDDDDDD));
            g.drawLine(left + 1, y, right, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%,.0f", top * i / 4), 8, y + 4);
        }
        for (int i = 0; i < xs.size(); i++) {
            g.drawString("K=" + xs.get(i), x(i, xs.size(), left, right) - 12, bottom + 18);
        }
        Color[] colors = {new Color(0x2E86AB), new Color(0xE07A1F), new Color(0x4CAF50), new Color(0x9C27B0)};
        int s = 0;
        for (Map.Entry<String, List<LoadRun.Result>> entry : series.entrySet()) {
            Color color = colors[s % colors.length];
            boolean peer = entry.getKey().startsWith("sql");
            g.setColor(color);
            g.setStroke(peer ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[]{7f, 5f}, 0f) : new BasicStroke(2.5f));
            int px = -1;
            int py = -1;
            for (LoadRun.Result r : entry.getValue()) {
                int x = x(xs.indexOf(r.clients()), xs.size(), left, right);
                int y = bottom - (int) ((bottom - upper) * r.perSecond() / top);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                g.fillOval(x - 4, y - 4, 8, 8);
                px = x;
                py = y;
            }
            g.setStroke(new BasicStroke(1f));
            g.fillRect(left + 10 + s * 200, HEIGHT_PIXELS - 28, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(entry.getKey() + (peer ? " (dashed)" : ""), left + 28 + s * 200, HEIGHT_PIXELS - 18);
            s++;
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static int x(int i, int n, int left, int right) {
        return n <= 1 ? (left + right) / 2 : left + 30 + (right - left - 60) * i / (n - 1);
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
