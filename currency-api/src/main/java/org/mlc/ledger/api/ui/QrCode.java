package org.mlc.ledger.api.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** A QR code drawn as inline SVG (one path of unit squares), so no image library is needed. */
public final class QrCode {

    /** A payment request link is short; anything longer is a programming error. */
    public static final int MAX_TEXT_LENGTH = 1_000;
    private static final int QUIET_ZONE_MODULES = 4;

    private QrCode() {
    }

    public static String svg(String text, String label) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("QR text longer than " + MAX_TEXT_LENGTH);
        }
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code", e);
        }
        int size = matrix.getWidth() + 2 * QUIET_ZONE_MODULES;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x + QUIET_ZONE_MODULES).append(' ').append(y + QUIET_ZONE_MODULES)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><title>" + Svg.escape(label) + "</title><rect width=\"" + size
                + "\" height=\"" + size + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
