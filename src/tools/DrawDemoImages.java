/*
 * DrawDemoImages: draws the pictures of "Meridian East", the invented demo publication that
 * ships with Dispatch.
 *
 * The demo publication's images are drawn by code so that they are ours: no photograph, stock
 * picture or third-party artwork is involved, and anyone can recreate them from this source (the
 * drawing is deterministic; exact bytes may vary with the JDK and font versions). This program
 * recreates them all: the lead and inline illustrations, the two
 * charts, the two diagrams and the authors' monogram portraits. Their alt text, captions and
 * credits live in src/main/resources/demo/images.yaml.
 *
 * Usage (from the repository root; needs only a JDK 17, no other dependency):
 *   java src/tools/DrawDemoImages.java src/main/resources/demo/images [id ...]
 * With ids after the folder, only those images are drawn.
 *
 * Leads and inline images are 1600x900 PNG, portraits 600x600 PNG. Java2D, headless,
 * antialiased; fonts: DejaVu Sans, DejaVu Serif (present on the build machines).
 */

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;

public class DrawDemoImages {

    static final int W = 1600, H = 900, P = 600;

    interface Painter { void paint(Graphics2D g); }

    record Job(String id, int w, int h, Painter painter) {}

    // ------------------------------------------------------------------ palette

    static final Color INK = c(0x1E2A36);        // text on light backgrounds
    static final Color INK_SOFT = c(0x44505C);   // secondary text, still > 7:1 on PAPER
    static final Color PAPER = c(0xF7F4EE);      // chart and diagram background
    static final Color GRID = c(0xD9D3C7);

    // ------------------------------------------------------------------ main

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (args.length < 1) {
            System.err.println("usage: java src/tools/DrawDemoImages.java <output folder> [id ...]");
            System.exit(2);
        }
        File out = new File(args[0]);
        if (!out.isDirectory() && !out.mkdirs()) throw new IllegalStateException("cannot create " + out);
        Set<String> only = new HashSet<>(Arrays.asList(args).subList(1, args.length));
        long total = 0;
        for (Job job : jobs()) {
            if (!only.isEmpty() && !only.contains(job.id())) continue;
            BufferedImage img = new BufferedImage(job.w(), job.h(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            setup(g);
            job.painter().paint(g);
            g.dispose();
            File f = new File(out, job.id() + ".png");
            ImageIO.write(img, "png", f);
            total += f.length();
            System.out.printf("%-36s %4dx%-4d %8d bytes%n", f.getName(), job.w(), job.h(), f.length());
        }
        System.out.printf("total %d bytes%n", total);
    }

    static List<Job> jobs() {
        List<Job> j = new ArrayList<>();
        j.add(new Job("enclave-road-exodus", W, H, DrawDemoImages::enclaveRoadExodus));
        j.add(new Job("diagram-lachin-corridor", W, H, DrawDemoImages::diagramLachinCorridor));
        j.add(new Job("diagram-middle-corridor", W, H, DrawDemoImages::diagramMiddleCorridor));
        j.add(new Job("chart-turkey-inflation", W, H, DrawDemoImages::chartTurkeyInflation));
        j.add(new Job("chart-brent-oil-price", W, H, DrawDemoImages::chartBrentOilPrice));
        j.add(new Job("illustration-ballot-box", W, H, DrawDemoImages::ballotBox));
        j.add(new Job("illustration-bosphorus-bridge", W, H, DrawDemoImages::bosphorusBridge));
        j.add(new Job("illustration-tehran-mountains", W, H, DrawDemoImages::tehranMountains));
        j.add(new Job("illustration-tanker-strait", W, H, DrawDemoImages::tankerStrait));
        j.add(new Job("illustration-desert-solar", W, H, DrawDemoImages::desertSolar));
        j.add(new Job("illustration-olive-terraces", W, H, DrawDemoImages::oliveTerraces));
        j.add(new Job("illustration-old-city-walls", W, H, DrawDemoImages::oldCityWalls));
        j.add(new Job("illustration-river-palms", W, H, DrawDemoImages::riverPalms));
        j.add(new Job("illustration-dam-low-water", W, H, DrawDemoImages::damLowWater));
        j.add(new Job("illustration-hilltop-citadel", W, H, DrawDemoImages::hilltopCitadel));
        j.add(new Job("illustration-tent-camp", W, H, DrawDemoImages::tentCamp));
        j.add(new Job("illustration-mountain-railway", W, H, DrawDemoImages::mountainRailway));
        j.add(new Job("illustration-carved-balconies", W, H, DrawDemoImages::carvedBalconies));
        j.add(new Job("illustration-podium-microphones", W, H, DrawDemoImages::podiumMicrophones));
        j.add(new Job("illustration-negotiating-table", W, H, DrawDemoImages::negotiatingTable));
        j.add(new Job("illustration-gas-pipeline", W, H, DrawDemoImages::gasPipeline));
        j.add(new Job("illustration-desk-documents", W, H, DrawDemoImages::deskDocuments));
        j.add(new Job("illustration-banknotes", W, H, DrawDemoImages::banknotes));
        j.add(new Job("illustration-port-cranes", W, H, DrawDemoImages::portCranes));
        // Portraits: slugs and names as in src/main/resources/demo/authors.yaml.
        // The colour names are the ones used in the alt text of images.yaml.
        String[][] authors = {
            {"lilit-harutyunyan", "LH", "1F5F63"},  // dark teal
            {"emre-kaya", "EK", "9B2F2F"},          // deep red
            {"nasrin-tehrani", "NT", "274B7A"},     // dark blue
            {"omar-haddad", "OH", "2E6840"},        // dark green
            {"maya-levin", "ML", "5B3F7A"},         // purple
            {"karim-said", "KS", "7A4A22"},         // brown
            {"sara-okonkwo", "SO", "A0421A"},       // burnt orange
            {"daniel-reyes", "DR", "45556A"},       // slate grey
        };
        for (String[] a : authors) {
            Color circle = c(Integer.parseInt(a[2], 16));
            j.add(new Job("portrait-" + a[0], P, P, g -> portrait(g, a[1], circle)));
        }
        return j;
    }

    // ------------------------------------------------------------------ helpers

    static void setup(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
    }

    static Color c(int rgb) { return new Color(rgb); }

    static Color c(int rgb, int alpha) {
        return new Color((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, alpha);
    }

    static Color mix(Color a, Color b, double t) {
        t = Math.max(0, Math.min(1, t));
        return new Color(
            (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
            (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
            (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    static Color withAlpha(Color col, int alpha) {
        return new Color(col.getRed(), col.getGreen(), col.getBlue(), alpha);
    }

    static Rectangle2D rect(double x, double y, double w, double h) { return new Rectangle2D.Double(x, y, w, h); }

    static RoundRectangle2D rr(double x, double y, double w, double h, double r) {
        return new RoundRectangle2D.Double(x, y, w, h, r, r);
    }

    static Ellipse2D ell(double cx, double cy, double rx, double ry) {
        return new Ellipse2D.Double(cx - rx, cy - ry, rx * 2, ry * 2);
    }

    static Path2D poly(double... xy) {
        Path2D p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) p.lineTo(xy[i], xy[i + 1]);
        p.closePath();
        return p;
    }

    static void fill(Graphics2D g, Shape s, Color col) {
        g.setPaint(col);
        g.fill(s);
    }

    static void vgrad(Graphics2D g, Shape s, double y1, Color c1, double y2, Color c2) {
        g.setPaint(new GradientPaint(0, (float) y1, c1, 0, (float) y2, c2));
        g.fill(s);
    }

    static void hgrad(Graphics2D g, Shape s, double x1, Color c1, double x2, Color c2) {
        g.setPaint(new GradientPaint((float) x1, 0, c1, (float) x2, 0, c2));
        g.fill(s);
    }

    static void glow(Graphics2D g, double cx, double cy, double r, Color col, int alpha) {
        g.setPaint(new RadialGradientPaint(new Point2D.Double(cx, cy), (float) r,
            new float[] {0f, 1f}, new Color[] {withAlpha(col, alpha), withAlpha(col, 0)}));
        g.fill(ell(cx, cy, r, r));
    }

    static void stroke(Graphics2D g, Shape s, Color col, double w) {
        g.setPaint(col);
        g.setStroke(new BasicStroke((float) w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(s);
    }

    static void line(Graphics2D g, double x1, double y1, double x2, double y2, Color col, double w) {
        stroke(g, new Line2D.Double(x1, y1, x2, y2), col, w);
    }

    static Font font(String family, int style, double size) {
        return new Font(family, style, 10).deriveFont(style, (float) size);
    }

    static Font sans(int style, double size) { return font("DejaVu Sans", style, size); }

    static Font serif(int style, double size) { return font("DejaVu Serif", style, size); }

    /** Draws text with its baseline at y; align -1 left, 0 centre, 1 right. */
    static void text(Graphics2D g, String s, Font f, Color col, double x, double y, int align) {
        g.setFont(f);
        g.setPaint(col);
        FontMetrics fm = g.getFontMetrics();
        double w = fm.getStringBounds(s, g).getWidth();
        double dx = align < 0 ? 0 : align == 0 ? -w / 2 : -w;
        g.drawString(s, (float) (x + dx), (float) y);
    }

    /** Smooth curve (Catmull-Rom turned into cubic Béziers) through the given points. */
    static Path2D smooth(double[] xs, double[] ys, boolean closed) {
        int n = xs.length;
        Path2D p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        int segs = closed ? n : n - 1;
        for (int i = 0; i < segs; i++) {
            int i0 = closed ? (i - 1 + n) % n : Math.max(i - 1, 0);
            int i1 = i;
            int i2 = closed ? (i + 1) % n : i + 1;
            int i3 = closed ? (i + 2) % n : Math.min(i + 2, n - 1);
            double c1x = xs[i1] + (xs[i2] - xs[i0]) / 6, c1y = ys[i1] + (ys[i2] - ys[i0]) / 6;
            double c2x = xs[i2] - (xs[i3] - xs[i1]) / 6, c2y = ys[i2] - (ys[i3] - ys[i1]) / 6;
            p.curveTo(c1x, c1y, c2x, c2y, xs[i2], ys[i2]);
        }
        if (closed) p.closePath();
        return p;
    }

    /** Land shape: a smooth top edge through the points, closed down to the bottom of the canvas. */
    static Path2D land(double bottom, double... xy) {
        int n = xy.length / 2;
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) { xs[i] = xy[2 * i]; ys[i] = xy[2 * i + 1]; }
        Path2D p = smooth(xs, ys, false);
        p.lineTo(xs[n - 1], bottom);
        p.lineTo(xs[0], bottom);
        p.closePath();
        return p;
    }

    /** An irregular closed blob around (cx, cy). */
    static Path2D blob(long seed, double cx, double cy, double rx, double ry, int n, double wobble) {
        Random r = new Random(seed);
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double k = 1 + wobble * (r.nextDouble() * 2 - 1);
            xs[i] = cx + Math.cos(a) * rx * k;
            ys[i] = cy + Math.sin(a) * ry * k;
        }
        return smooth(xs, ys, true);
    }

    /** A mountain range: alternate valleys and peaks, straight slopes. */
    static final class Ridge {
        double[] xs, ys;
        Path2D shape;
    }

    static Ridge ridge(long seed, double x0, double x1, int peaks, double valleyY, double valleyJitter,
                       double peakMin, double peakMax, double bottom) {
        Random r = new Random(seed);
        int n = peaks * 2 + 1;
        Ridge rd = new Ridge();
        rd.xs = new double[n];
        rd.ys = new double[n];
        double step = (x1 - x0) / (n - 1);
        for (int i = 0; i < n; i++) {
            rd.xs[i] = x0 + i * step + ((i > 0 && i < n - 1) ? (r.nextDouble() - 0.5) * step * 0.7 : 0);
            rd.ys[i] = (i % 2 == 0) ? valleyY + (r.nextDouble() - 0.5) * valleyJitter
                                    : peakMin + r.nextDouble() * (peakMax - peakMin);
        }
        Path2D p = new Path2D.Double();
        p.moveTo(x0, bottom);
        for (int i = 0; i < n; i++) p.lineTo(rd.xs[i], rd.ys[i]);
        p.lineTo(x1, bottom);
        p.closePath();
        rd.shape = p;
        return rd;
    }

    /** Fills a ridge with a lit colour, shades the right-hand face of each peak, adds snow caps. */
    static void mountains(Graphics2D g, Ridge rd, Color lit, Color shade, Color snow, double snowLine, double bottom) {
        fill(g, rd.shape, lit);
        Shape oldClip = g.getClip();
        g.clip(rd.shape);
        for (int i = 1; i < rd.xs.length - 1; i += 2) {
            double xp = rd.xs[i], yp = rd.ys[i], xr = rd.xs[i + 1], yr = rd.ys[i + 1];
            fill(g, poly(xp, yp, xr, yr, xr, bottom, xp + (xr - xp) * 0.15, bottom), shade);
        }
        if (snow != null) {
            for (int i = 1; i < rd.xs.length - 1; i += 2) {
                double xp = rd.xs[i], yp = rd.ys[i];
                if (yp > snowLine) continue;
                double xl = rd.xs[i - 1], yl = rd.ys[i - 1], xr = rd.xs[i + 1], yr = rd.ys[i + 1];
                double d = Math.min(yl - yp, yr - yp) * 0.32;
                double lx = xp + (xl - xp) * d / (yl - yp), rx = xp + (xr - xp) * d / (yr - yp);
                Path2D cap = new Path2D.Double();
                cap.moveTo(xp, yp);
                cap.lineTo(rx, yp + d);
                int teeth = 5;
                for (int k = 1; k < teeth; k++) {
                    double x = rx + (lx - rx) * k / teeth;
                    double y = yp + d + ((k % 2 == 1) ? -d * 0.28 : d * 0.12);
                    cap.lineTo(x, y);
                }
                cap.lineTo(lx, yp + d);
                cap.closePath();
                fill(g, cap, snow);
                // shaded side of the snow
                Area sh = new Area(cap);
                sh.intersect(new Area(poly(xp, yp, xr, yr, xr, bottom, xp + (xr - xp) * 0.15, bottom)));
                fill(g, sh, mix(snow, shade, 0.22));
            }
        }
        g.setClip(oldClip);
    }

    static void sky(Graphics2D g, int top, int bottom, double horizon) {
        vgrad(g, rect(0, 0, W, H), 0, c(top), horizon, c(bottom));
    }

    static AffineTransform push(Graphics2D g) { return g.getTransform(); }

    static void pop(Graphics2D g, AffineTransform t) { g.setTransform(t); }

    static void alpha(Graphics2D g, double a) {
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) a));
    }

    static void opaque(Graphics2D g) { g.setComposite(AlphaComposite.SrcOver); }

    static double luminance(Color col) {
        double[] ch = {col.getRed() / 255.0, col.getGreen() / 255.0, col.getBlue() / 255.0};
        for (int i = 0; i < 3; i++)
            ch[i] = ch[i] <= 0.03928 ? ch[i] / 12.92 : Math.pow((ch[i] + 0.055) / 1.055, 2.4);
        return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    // ------------------------------------------------------------------ portraits

    static void portrait(Graphics2D g, String initials, Color circle) {
        double ratio = contrast(Color.WHITE, circle);
        if (ratio < 4.5)
            throw new IllegalStateException("white on " + circle + " has contrast " + ratio + " < 4.5");
        fill(g, rect(0, 0, P, P), c(0xF1ECE4));
        fill(g, ell(300, 300, 236, 236), circle);
        stroke(g, ell(300, 300, 222, 222), withAlpha(Color.WHITE, 40), 3);
        Font f = sans(Font.BOLD, 190);
        g.setFont(f);
        // centre the glyphs optically on their cap height
        java.awt.font.GlyphVector gv = f.createGlyphVector(g.getFontRenderContext(), initials);
        Rectangle2D b = gv.getVisualBounds();
        float x = (float) (300 - b.getCenterX());
        float y = (float) (300 - b.getCenterY());
        g.setPaint(Color.WHITE);
        g.drawGlyphVector(gv, x, y);
    }

    // ------------------------------------------------------------------ charts

    static void chartFrame(Graphics2D g, String title, String subtitle, String source) {
        fill(g, rect(0, 0, W, H), PAPER);
        text(g, title, serif(Font.BOLD, 50), INK, 90, 100, -1);
        text(g, subtitle, sans(Font.PLAIN, 30), INK_SOFT, 90, 150, -1);
        text(g, source, sans(Font.PLAIN, 24), INK_SOFT, 90, H - 34, -1);
        text(g, "Meridian East", serif(Font.BOLD, 24), INK_SOFT, W - 80, H - 34, 1);
    }

    /** Plot area and axes; returns nothing, callers map values with the same numbers. */
    static void axes(Graphics2D g, double x0, double y0, double x1, double y1, double max, double step,
                     String yTitle, String xTitle, String[] cats) {
        Font tick = sans(Font.PLAIN, 26);
        for (double v = 0; v <= max + 1e-9; v += step) {
            double y = y1 - (y1 - y0) * v / max;
            if (v > 0) line(g, x0, y, x1, y, GRID, 2);
            text(g, String.valueOf((int) v), tick, INK, x0 - 18, y + 9, 1);
        }
        line(g, x0, y1, x1, y1, INK, 3);
        double band = (x1 - x0) / cats.length;
        for (int i = 0; i < cats.length; i++) {
            double x = x0 + band * (i + 0.5);
            line(g, x, y1, x, y1 + 10, INK, 2);
            text(g, cats[i], sans(Font.PLAIN, 28), INK, x, y1 + 46, 0);
        }
        text(g, xTitle, sans(Font.BOLD, 26), INK, (x0 + x1) / 2, y1 + 90, 0);
        AffineTransform t = push(g);
        g.translate(x0 - 92, (y0 + y1) / 2);
        g.rotate(-Math.PI / 2);
        text(g, yTitle, sans(Font.BOLD, 26), INK, 0, 0, 0);
        pop(g, t);
    }

    static final String[] YEARS = {"2019", "2020", "2021", "2022", "2023", "2024"};

    static void chartTurkeyInflation(Graphics2D g) {
        double[] v = {11.8, 14.6, 36.1, 64.3, 64.8, 44.4};
        chartFrame(g, "Turkey: consumer price inflation",
            "Annual change in consumer prices, December on December, per cent", "Source: TurkStat");
        double x0 = 200, y0 = 220, x1 = W - 90, y1 = 730, max = 70;
        axes(g, x0, y0, x1, y1, max, 10, "Inflation, per cent", "Year", YEARS);
        double band = (x1 - x0) / v.length;
        Color bar = c(0x1F5A7A);
        for (int i = 0; i < v.length; i++) {
            double x = x0 + band * i + band * 0.2, w = band * 0.6;
            double y = y1 - (y1 - y0) * v[i] / max;
            fill(g, rect(x, y, w, y1 - y), bar);
            text(g, String.format("%.1f", v[i]), sans(Font.BOLD, 30), INK, x + w / 2, y - 14, 0);
        }
        line(g, x0, y1, x1, y1, INK, 3);
    }

    static void chartBrentOilPrice(Graphics2D g) {
        double[] v = {64, 42, 71, 101, 82, 81};
        chartFrame(g, "Brent crude oil: annual average price",
            "US dollars per barrel", "Source: US Energy Information Administration (rounded)");
        double x0 = 200, y0 = 220, x1 = W - 90, y1 = 730, max = 120;
        axes(g, x0, y0, x1, y1, max, 20, "US dollars per barrel", "Year", YEARS);
        double band = (x1 - x0) / v.length;
        double[] xs = new double[v.length], ys = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            xs[i] = x0 + band * (i + 0.5);
            ys[i] = y1 - (y1 - y0) * v[i] / max;
        }
        Path2D area = new Path2D.Double();
        area.moveTo(xs[0], y1);
        for (int i = 0; i < v.length; i++) area.lineTo(xs[i], ys[i]);
        area.lineTo(xs[v.length - 1], y1);
        area.closePath();
        fill(g, area, c(0xE9DCC9));
        Path2D ln = new Path2D.Double();
        ln.moveTo(xs[0], ys[0]);
        for (int i = 1; i < v.length; i++) ln.lineTo(xs[i], ys[i]);
        Color lineCol = c(0x8A3B12);
        stroke(g, ln, lineCol, 6);
        for (int i = 0; i < v.length; i++) {
            fill(g, ell(xs[i], ys[i], 12, 12), Color.WHITE);
            fill(g, ell(xs[i], ys[i], 8.5, 8.5), lineCol);
            boolean lowPoint = i > 0 && i < v.length - 1 && v[i] < v[i - 1] && v[i] < v[i + 1];
            double ly = lowPoint ? ys[i] + 50 : ys[i] - 24;
            text(g, String.valueOf((int) v[i]), sans(Font.BOLD, 30), INK, xs[i], ly, 0);
        }
        line(g, x0, y1, x1, y1, INK, 3);
    }

    // ------------------------------------------------------------------ diagrams

    static void notToScale(Graphics2D g) {
        text(g, "Diagram, not to scale", sans(Font.ITALIC, 26), INK_SOFT, W - 50, H - 40, 1);
    }

    static void diagramLachinCorridor(Graphics2D g) {
        fill(g, rect(0, 0, W, H), PAPER);
        text(g, "The Lachin corridor", serif(Font.BOLD, 50), INK, 80, 100, -1);
        text(g, "A single road between Armenia and Nagorno-Karabakh", sans(Font.PLAIN, 30), INK_SOFT, 80, 150, -1);

        Path2D arm = blob(7, 440, 540, 320, 250, 14, 0.10);
        Path2D nk = blob(19, 1250, 560, 215, 170, 12, 0.10);
        fill(g, arm, c(0xE6D7B8));
        fill(g, nk, c(0xCFDED5));
        // fine hatching tells the two areas apart without relying on colour
        Shape clip = g.getClip();
        g.clip(nk);
        for (double x = 900; x < 1600; x += 22) line(g, x, 300, x + 400, 900, c(0x5E8270, 70), 2);
        g.setClip(clip);
        stroke(g, arm, c(0x7D6A4E), 4);
        stroke(g, nk, c(0x4F7363), 4);

        Path2D road = new Path2D.Double();
        road.moveTo(690, 560);
        road.curveTo(820, 450, 930, 660, 1070, 545);
        stroke(g, road, c(0x2D2D2D), 22);
        g.setPaint(Color.WHITE);
        g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {16f, 12f}, 0f));
        g.draw(road);
        fill(g, ell(690, 560, 14, 14), c(0x2D2D2D));
        fill(g, ell(1070, 545, 14, 14), c(0x2D2D2D));

        text(g, "Armenia", sans(Font.BOLD, 50), INK, 430, 560, 0);
        text(g, "Nagorno-Karabakh", sans(Font.BOLD, 36), INK, 1262, 625, 0);
        // road label with a leader line
        text(g, "Lachin corridor", sans(Font.BOLD, 34), INK, 880, 420, 0);
        text(g, "(the only road)", sans(Font.PLAIN, 26), INK_SOFT, 880, 455, 0);
        line(g, 880, 470, 880, 540, INK, 2.5);
        notToScale(g);
    }

    static void diagramMiddleCorridor(Graphics2D g) {
        fill(g, rect(0, 0, W, H), PAPER);
        text(g, "The Middle Corridor", serif(Font.BOLD, 50), INK, 80, 100, -1);
        text(g, "A trade route from China to Europe through Central Asia, the Caspian Sea and the South Caucasus",
            sans(Font.PLAIN, 26), INK_SOFT, 80, 148, -1);
        String[] names = {"China", "Kazakhstan", "Caspian Sea", "Azerbaijan", "Georgia", "Turkey", "Europe"};
        double y = 420, x0 = 150, step = 216;
        Color land = c(0x2C4F63);
        // links: solid for rail and road, dashed for the ferry legs either side of the sea
        for (int i = 0; i < names.length - 1; i++) {
            double xa = x0 + step * i + 44, xb = x0 + step * (i + 1) - 44;
            boolean ferry = i == 1 || i == 2;
            if (ferry) {
                g.setPaint(land);
                g.setStroke(new BasicStroke(8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {18f, 12f}, 0f));
                g.draw(new Line2D.Double(xa, y, xb - 16, y));
            } else {
                line(g, xa, y, xb - 16, y, land, 10);
            }
            fill(g, poly(xb, y, xb - 26, y - 15, xb - 26, y + 15), land);
        }
        for (int i = 0; i < names.length; i++) {
            double x = x0 + step * i;
            boolean sea = i == 2;
            fill(g, ell(x, y, 40, 40), sea ? c(0xCFE2EC) : Color.WHITE);
            stroke(g, ell(x, y, 40, 40), land, 6);
            if (sea) {
                for (int k = -1; k <= 1; k++) {
                    Path2D wv = new Path2D.Double();
                    double wy = y + k * 12;
                    wv.moveTo(x - 22, wy);
                    wv.quadTo(x - 11, wy - 7, x, wy);
                    wv.quadTo(x + 11, wy + 7, x + 22, wy);
                    stroke(g, wv, c(0x2C5F7A), 3.5);
                }
            } else {
                fill(g, ell(x, y, 16, 16), land);
            }
            text(g, names[i], sans(Font.BOLD, 28), INK, x, y + 90, 0);
            if (sea) text(g, "(ferry)", sans(Font.PLAIN, 26), INK_SOFT, x, y + 126, 0);
        }
        // legend
        double ly = 680;
        line(g, 90, ly, 180, ly, land, 10);
        text(g, "Rail and road", sans(Font.PLAIN, 26), INK, 200, ly + 9, -1);
        g.setPaint(land);
        g.setStroke(new BasicStroke(8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {18f, 12f}, 0f));
        g.draw(new Line2D.Double(440, ly, 530, ly));
        text(g, "Ferry across the Caspian Sea", sans(Font.PLAIN, 26), INK, 550, ly + 9, -1);
        notToScale(g);
    }

    // ------------------------------------------------------------------ vehicles (for the exodus)

    /** Draws a vehicle facing right (or left), origin at the middle of its wheels' ground line. */
    static void vehicle(Graphics2D g, int type, double x, double y, double s, boolean right,
                        Color body, Color load, Color load2, Color haze, double hazeK) {
        AffineTransform t = push(g);
        g.translate(x, y);
        g.scale(right ? s : -s, s);
        body = mix(body, haze, hazeK);
        load = mix(load, haze, hazeK);
        load2 = mix(load2, haze, hazeK);
        Color dark = mix(c(0x1C1B26), haze, hazeK * 0.6);
        Color glass = mix(c(0x4F5874), haze, hazeK);
        Color rope = mix(c(0x3A2E2A), haze, hazeK);
        fill(g, ell(0, -2, type == 2 ? 128 : 86, 7), c(0x000000, 60));
        double len;
        if (type == 0) { // car with a roof load
            len = 75;
            fill(g, rr(-75, -50, 150, 36, 16), body);
            fill(g, poly(-50, -48, -33, -76, 28, -76, 52, -48), body);
            fill(g, poly(-42, -50, -29, -70, -5, -70, -5, -50), glass);
            fill(g, poly(2, -50, 2, -70, 24, -70, 42, -50), glass);
            fill(g, rr(-48, -96, 84, 22, 8), load);
            fill(g, rr(-36, -110, 58, 16, 8), load2);
            line(g, -20, -110, -20, -76, rope, 2.5);
            line(g, 14, -110, 14, -76, rope, 2.5);
            wheel(g, -46, -15, 15, dark);
            wheel(g, 46, -15, 15, dark);
            fill(g, rr(-76, -44, 8, 9, 3), c(0xD9473B));
            fill(g, rr(68, -44, 8, 9, 3), c(0xFFEFC2));
        } else if (type == 1) { // van with bundles on the roof
            len = 86;
            fill(g, poly(-86, -16, -86, -100, 38, -100, 66, -64, 86, -56, 86, -16), body);
            fill(g, poly(42, -94, 63, -64, 42, -64), glass);
            fill(g, rr(-6, -92, 38, 26, 5), glass);
            fill(g, rr(-50, -92, 38, 26, 5), glass);
            line(g, -86, -40, 86, -40, mix(body, dark, 0.25), 2);
            fill(g, rr(-80, -122, 96, 22, 8), load);
            fill(g, rr(-66, -138, 40, 18, 6), load2);
            fill(g, rr(-24, -136, 34, 16, 6), mix(load, Color.WHITE, 0.25));
            line(g, -40, -140, -40, -100, rope, 2.5);
            line(g, 0, -136, 0, -100, rope, 2.5);
            wheel(g, -54, -16, 16, dark);
            wheel(g, 56, -16, 16, dark);
            fill(g, rr(-88, -60, 8, 12, 3), c(0xD9473B));
            fill(g, rr(80, -52, 8, 9, 3), c(0xFFEFC2));
        } else { // lorry piled with belongings
            len = 124;
            fill(g, rect(-124, -36, 246, 12), dark);
            fill(g, poly(60, -26, 60, -116, 100, -116, 120, -84, 122, -26), body);
            fill(g, poly(66, -110, 98, -110, 113, -86, 66, -86), glass);
            fill(g, rect(-124, -56, 178, 22), mix(c(0x6B5440), haze, hazeK));
            for (int k = 0; k < 5; k++) line(g, -118 + k * 40, -56, -118 + k * 40, -34, mix(c(0x4E3C2E), haze, hazeK), 2);
            fill(g, rr(-120, -100, 62, 46, 8), load);
            fill(g, rr(-60, -94, 54, 40, 8), load2);
            fill(g, rr(-8, -88, 56, 34, 8), mix(load, c(0x8C9B7A), 0.5));
            fill(g, rr(-106, -134, 78, 36, 10), mix(load2, Color.WHITE, 0.25));
            fill(g, rr(-36, -126, 74, 34, 10), load);
            fill(g, rr(-80, -152, 70, 22, 8), mix(load, c(0x8C5E6E), 0.5));
            // a chair upside down on top
            line(g, 6, -126, 6, -152, rope, 3);
            line(g, 30, -126, 30, -152, rope, 3);
            line(g, 2, -128, 34, -128, rope, 3);
            line(g, -118, -56, -60, -150, rope, 2.5);
            line(g, -30, -56, 20, -124, rope, 2.5);
            wheel(g, -92, -17, 17, dark);
            wheel(g, -56, -17, 17, dark);
            wheel(g, 88, -17, 17, dark);
            fill(g, rr(-126, -50, 8, 12, 3), c(0xD9473B));
            fill(g, rr(116, -50, 8, 10, 3), c(0xFFEFC2));
        }
        pop(g, t);
        // headlight glow, drawn unflipped so it points the way of travel
        if (s > 0.5) {
            double front = x + (right ? 1 : -1) * (len + 4) * s;
            glow(g, front, y - 40 * s, 34 * s, c(0xFFE7A8), 110);
        }
    }

    static void wheel(Graphics2D g, double x, double y, double r, Color dark) {
        fill(g, ell(x, y, r, r), dark);
        fill(g, ell(x, y, r * 0.42, r * 0.42), c(0x8A8A92));
    }

    static void enclaveRoadExodus(Graphics2D g) {
        vgrad(g, rect(0, 0, W, H), 0, c(0x2C3759), 520, c(0xE9A46F));
        glow(g, 1230, 330, 420, c(0xFFD9A0), 150);
        fill(g, ell(1230, 330, 50, 50), c(0xFBE3B3));
        Ridge far = ridge(11, -40, 1640, 6, 360, 40, 190, 290, H);
        mountains(g, far, c(0x8C7E9E), c(0x7B6E8F), null, 0, H);
        Ridge mid = ridge(12, -40, 1640, 5, 420, 30, 300, 360, H);
        mountains(g, mid, c(0x675C80), c(0x5A5073), null, 0, H);
        Path2D hill = land(H, -20, 420, 300, 392, 560, 402, 900, 415, 1250, 396, 1620, 410);
        vgrad(g, hill, 390, c(0x4D4866), 900, c(0x2F2C42));
        Color haze = c(0x7E7196);

        // road, from the top of the pass down in four legs
        double[][] legs = { // x start, y start, x end, y end, width, vehicle scale
            {470, 408, 1160, 430, 18, 0.27},
            {1160, 500, 330, 522, 28, 0.42},
            {330, 622, 1390, 644, 44, 0.62},
            {1390, 800, -80, 840, 70, 1.0},
        };
        Random r = new Random(5);
        // shrubs on the hillside
        for (int i = 0; i < 40; i++) {
            double x = r.nextDouble() * W, y = 440 + r.nextDouble() * 440;
            double s = 0.3 + (y - 420) / 420.0;
            Color pine = c(0x2B2940);
            fill(g, rect(x - 2 * s, y - 8 * s, 4 * s, 10 * s), pine);
            fill(g, poly(x - 16 * s, y - 6 * s, x + 16 * s, y - 6 * s, x, y - 34 * s), pine);
            fill(g, poly(x - 12 * s, y - 22 * s, x + 12 * s, y - 22 * s, x, y - 48 * s), pine);
        }
        Color shoulder = c(0x3A364C), asphalt = c(0x8F8497), laneCol = c(0xD8C9B8);
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < legs.length; i++) {
                double[] L = legs[i];
                Path2D p = new Path2D.Double();
                p.moveTo(L[0], L[1]);
                p.lineTo(L[2], L[3]);
                double w = L[4];
                stroke(g, p, pass == 0 ? shoulder : asphalt, pass == 0 ? w + 8 : w);
                if (i < legs.length - 1) {
                    double[] N = legs[i + 1];
                    boolean rightTurn = L[2] > L[0];
                    double R = (N[1] - L[3]) * 0.75 * (rightTurn ? 1 : -1);
                    Path2D turn = new Path2D.Double();
                    turn.moveTo(L[2], L[3]);
                    turn.curveTo(L[2] + R, L[3], N[0] + R, N[1], N[0], N[1]);
                    double tw = (w + N[4]) / 2;
                    stroke(g, turn, pass == 0 ? shoulder : asphalt, pass == 0 ? tw + 8 : tw);
                }
            }
        }
        for (double[] L : legs) {
            if (L[4] < 40) continue;
            g.setPaint(withAlpha(laneCol, 160));
            g.setStroke(new BasicStroke((float) (L[4] * 0.05), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {(float) (L[4] * 0.6), (float) (L[4] * 0.6)}, 0f));
            g.draw(new Line2D.Double(L[0], L[1], L[2], L[3]));
        }
        Color[] bodies = {c(0x9C4F42), c(0xC9C1B2), c(0x44607A), c(0x7C8254), c(0xD4B066), c(0x6A5A78),
                          c(0x8A8F96), c(0xB97A4F), c(0xE3DED3)};
        Color[] loads = {c(0xB8956A), c(0x8D6B5C), c(0x7390A6), c(0xC9A67F), c(0x9AA07A), c(0xD8C7A8), c(0x8C5E6E)};
        for (double[] L : legs) {
            boolean right = L[2] > L[0];
            double s = L[5];
            double dir = right ? 1 : -1;
            double start = L[0] + dir * (L[4] * 1.4 + 60 * s);
            double end = L[2] - dir * (L[4] * 1.2 + 30 * s);
            // vehicles drawn back to front of the queue so the nearer ones overlap correctly
            List<double[]> placed = new ArrayList<>();
            double x = end;
            while ((end - x) * dir < Math.abs(end - start)) {
                int type = placed.size() == 2 ? 2 : r.nextInt(10) < 5 ? 0 : r.nextInt(10) < 6 ? 1 : 2;
                double half = (type == 0 ? 78 : type == 1 ? 88 : 126) * s;
                double cx = x - dir * half;
                if ((cx - start) * dir < -half * 0.2) break;
                placed.add(new double[] {type, cx, r.nextInt(bodies.length), r.nextInt(loads.length), r.nextInt(loads.length)});
                x = cx - dir * (half + 22 * s + r.nextDouble() * 30 * s);
            }
            for (double[] v : placed) {
                double t = (v[1] - L[0]) / (L[2] - L[0]);
                double y = L[1] + (L[3] - L[1]) * t + L[4] * 0.22;
                vehicle(g, (int) v[0], v[1], y, s, right, bodies[(int) v[2]], loads[(int) v[3]], loads[(int) v[4]],
                    haze, (1 - s) * 0.55);
            }
        }
    }

    // ------------------------------------------------------------------ ballot box

    static void ballotBox(Graphics2D g) {
        vgrad(g, rect(0, 0, W, H), 0, c(0xE3EBED), 540, c(0xD2DEE2));
        for (int x = 100; x < W; x += 300) line(g, x, 0, x, 540, c(0xC9D6DA), 3);
        vgrad(g, rect(0, 540, W, 360), 540, c(0xC8A077), 900, c(0xA97F58));
        fill(g, rect(0, 536, W, 8), c(0xB48C64));
        // shadow
        fill(g, poly(560, 700, 1040, 700, 1190, 610, 1290, 640, 1130, 742, 590, 742), c(0x5A3D22, 60));

        Color edge = c(0x8FAAB6), faceTint = c(0xD8ECF3);
        // floor and back faces (seen through the plastic)
        fill(g, poly(560, 700, 1040, 700, 1190, 610, 710, 610), withAlpha(faceTint, 110));
        fill(g, rect(710, 240, 480, 370), withAlpha(faceTint, 70));
        fill(g, poly(560, 330, 710, 240, 710, 610, 560, 700), withAlpha(faceTint, 60));
        stroke(g, new Line2D.Double(710, 252, 710, 610), withAlpha(edge, 150), 3);
        stroke(g, new Line2D.Double(710, 610, 1190, 610), withAlpha(edge, 150), 3);
        stroke(g, new Line2D.Double(710, 610, 560, 700), withAlpha(edge, 150), 3);
        // ballots already inside
        Random r = new Random(3);
        double[][] papers = {{600, 684, 0}, {770, 690, 1}, {880, 668, 0}, {700, 650, 1}, {850, 636, 0}, {960, 640, 1}};
        for (double[] p : papers) {
            double x = p[0], y = p[1], w = 110 + r.nextDouble() * 30, d = 34;
            Path2D sh = poly(x, y, x + w, y - 6, x + w + d * 0.9, y - 6 - d * 0.55, x + d * 0.9, y - d * 0.55);
            fill(g, sh, p[2] == 0 ? c(0xFBFAF4) : c(0xF0EEE4));
            stroke(g, sh, c(0xB9BFC2), 1.5);
            line(g, x + w / 2, y - 3, x + w / 2 + d * 0.9, y - 3 - d * 0.55, c(0xC9CCCC), 1.5);
        }
        // side and front faces
        fill(g, poly(1040, 330, 1190, 240, 1190, 610, 1040, 700), withAlpha(c(0xC4DEE8), 95));
        fill(g, rect(560, 330, 480, 370), withAlpha(faceTint, 80));
        // reflections
        fill(g, poly(600, 690, 660, 690, 790, 340, 730, 340), c(0xFFFFFF, 70));
        fill(g, poly(690, 690, 710, 690, 840, 340, 820, 340), c(0xFFFFFF, 55));
        fill(g, poly(1070, 660, 1100, 642, 1150, 280, 1120, 298), c(0xFFFFFF, 60));
        stroke(g, rect(560, 330, 480, 370), edge, 5);
        stroke(g, poly(1040, 330, 1190, 240, 1190, 610, 1040, 700), edge, 5);
        // lid
        fill(g, poly(560, 330, 1040, 330, 1190, 240, 710, 240), c(0x365C84));
        fill(g, poly(560, 330, 1040, 330, 1040, 354, 560, 354), c(0x274A6F));
        fill(g, poly(1040, 330, 1190, 240, 1190, 264, 1040, 354), c(0x1F3D5C));
        // slot
        fill(g, poly(770, 294, 985, 294, 1000, 283, 785, 283), c(0x0F1D2B));
        // ballot paper going in: a folded sheet standing in the slot
        Path2D lower = poly(792, 290, 962, 290, 968, 200, 798, 198);
        Path2D upper = poly(798, 198, 968, 200, 982, 112, 812, 108);
        fill(g, lower, c(0xF3F2EA));
        fill(g, upper, c(0xFFFFFF));
        stroke(g, lower, c(0x9DA5A8), 2);
        stroke(g, upper, c(0x9DA5A8), 2);
        line(g, 798, 198, 968, 200, c(0xB4B9BA), 3);
        for (int k = 0; k < 3; k++) {
            double yy = 138 + k * 20;
            fill(g, rr(838, yy - 11, 18, 18, 3), c(0xFFFFFF));
            stroke(g, rr(838, yy - 11, 18, 18, 3), c(0x6F7A80), 2);
            fill(g, rr(866, yy - 6, 80 - k * 12, 7, 3), c(0xC4CACC));
        }
        Path2D tick = new Path2D.Double();
        tick.moveTo(841, 136);
        tick.lineTo(846, 142);
        tick.lineTo(856, 128);
        stroke(g, tick, c(0x1F4E79), 3.5);
        fill(g, rect(770, 283, 230, 9), c(0x0F1D2B, 120));
        // plastic seals on the lid
        fill(g, rr(640, 352, 16, 30, 4), c(0xD2622A));
        fill(g, rr(960, 352, 16, 30, 4), c(0xD2622A));
    }

    // ------------------------------------------------------------------ bridge over a strait

    static void bosphorusBridge(Graphics2D g) {
        sky(g, 0xB9D3E3, 0xF4E6D1, 560);
        glow(g, 1350, 200, 300, c(0xFFF3D6), 160);
        // far shores
        Path2D left = land(H, -20, 360, 120, 350, 260, 400, 380, 470, 470, 540, 520, 575);
        Path2D right = land(H, 1080, 575, 1160, 530, 1270, 460, 1400, 380, 1520, 360, 1620, 370);
        fill(g, left, c(0x98AE9E));
        fill(g, right, c(0x8DA596));
        Random r = new Random(21);
        for (Path2D shore : new Path2D[] {left, right}) {
            Shape clip = g.getClip();
            g.clip(shore);
            Color[] walls = {c(0xEEE4D2), c(0xE4CFB2), c(0xDCC0A6), c(0xF2ECE0), c(0xD7C7B1)};
            for (int i = 0; i < 140; i++) {
                double x = r.nextDouble() * W, y = 360 + r.nextDouble() * 220;
                if (!shore.contains(x, y - 20)) continue;
                double w = 16 + r.nextDouble() * 18, h = 12 + r.nextDouble() * 16;
                fill(g, rect(x, y - h, w, h), walls[r.nextInt(walls.length)]);
                fill(g, rect(x, y - h, w, 3), c(0xB06A4E));
            }
            g.setClip(clip);
        }
        // water
        vgrad(g, rect(0, 560, W, 340), 560, c(0x7FA9BC), 900, c(0x3E6D85));
        for (int i = 0; i < 90; i++) {
            double y = 580 + r.nextDouble() * 310, x = r.nextDouble() * W, w = 20 + (y - 560) * 0.15;
            line(g, x, y, x + w, y, c(0xFFFFFF, 55), 2);
        }
        // bridge: towers, cables, deck
        Color steel = c(0xC6CCD1), steelShade = c(0x9BA4AB), cable = c(0x6D7881);
        for (double tx : new double[] {400, 1200}) {
            fill(g, poly(tx - 17, 585, tx + 17, 585, tx + 11, 172, tx - 11, 172), steel);
            fill(g, poly(tx + 3, 585, tx + 17, 585, tx + 11, 172, tx + 3, 172), steelShade);
            fill(g, rect(tx - 28, 575, 56, 16), c(0x8A949B));
            fill(g, rect(tx - 15, 166, 30, 10), c(0x7E8890));
        }
        Color hanger = c(0x8A949C);
        for (double x = 426; x < 1190; x += 26) {
            double t = (x - 400) / 800;
            double y = (1 - t) * (1 - t) * 176 + 2 * t * (1 - t) * 646 + t * t * 176;
            line(g, x, y, x, 430, hanger, 2);
        }
        for (int side = 0; side < 2; side++) {
            double tx = side == 0 ? 400 : 1200, cx = side == 0 ? 230 : 1370, ex = side == 0 ? -20 : 1620;
            for (double t = 0.08; t < 1; t += 0.075) {
                double x = (1 - t) * (1 - t) * tx + 2 * t * (1 - t) * cx + t * t * ex;
                double y = (1 - t) * (1 - t) * 176 + 2 * t * (1 - t) * 372 + t * t * 392;
                if (y < 428) line(g, x, y, x, 430, hanger, 2);
            }
            stroke(g, new QuadCurve2D.Double(tx, 176, cx, 372, ex, 392), cable, 5);
        }
        stroke(g, new QuadCurve2D.Double(400, 176, 800, 646, 1200, 176), cable, 5);
        fill(g, rect(-10, 428, W + 20, 18), c(0xA4ADB4));
        fill(g, rect(-10, 446, W + 20, 9), c(0x6B757E));
        line(g, -10, 428, W + 10, 428, c(0xD8DDE0), 2);
        // ferry passing beneath, heading left
        double fx = 640, wl = 688;
        Path2D wake = new Path2D.Double();
        for (int k = 0; k < 3; k++) {
            double yy = wl + 4 + k * 9;
            line(g, fx + 380 + k * 30, yy, fx + 700 + k * 140, yy + 18 + k * 10, c(0xFFFFFF, 120 - k * 30), 4);
        }
        fill(g, ell(fx + 190, wl + 8, 230, 12), c(0x203848, 70));
        fill(g, poly(fx - 20, wl - 62, fx + 400, wl - 62, fx + 390, wl, fx + 24, wl), c(0xF4F3EE));
        fill(g, poly(fx - 4, wl - 22, fx + 395, wl - 22, fx + 390, wl, fx + 24, wl), c(0x2C3B4F));
        fill(g, rect(fx + 30, wl - 110, 340, 48), c(0xFAF9F4));
        fill(g, rect(fx + 60, wl - 146, 270, 36), c(0xEDEBE3));
        fill(g, rect(fx + 25, wl - 114, 350, 6), c(0x9FA7AD));
        for (double x = fx + 42; x < fx + 360; x += 26) fill(g, rr(x, wl - 100, 16, 20, 4), c(0x3D5166));
        for (double x = fx + 72; x < fx + 320; x += 30) fill(g, rr(x, wl - 138, 18, 16, 4), c(0x3D5166));
        for (double x = fx + 10; x < fx + 380; x += 30) fill(g, ell(x + 6, wl - 44, 5, 5), c(0x3D5166));
        fill(g, rect(fx + 250, wl - 196, 34, 50), c(0x262E36));
        fill(g, rect(fx + 250, wl - 182, 34, 10), c(0xF4F3EE));
        fill(g, rect(fx + 40, wl - 150, 30, 6), c(0x9FA7AD));
        // gulls
        for (double[] b : new double[][] {{520, 250}, {560, 232}, {1010, 300}, {1390, 540}}) {
            Path2D gull = new Path2D.Double();
            gull.moveTo(b[0] - 14, b[1] - 4);
            gull.quadTo(b[0] - 6, b[1] - 10, b[0], b[1]);
            gull.quadTo(b[0] + 6, b[1] - 10, b[0] + 14, b[1] - 4);
            stroke(g, gull, c(0x4A5560), 2.5);
        }
    }

    // ------------------------------------------------------------------ city under mountains

    static void tehranMountains(Graphics2D g) {
        sky(g, 0xB5CFE3, 0xEEF0EC, 560);
        Ridge back = ridge(30, -40, 1640, 9, 330, 40, 200, 270, H);
        mountains(g, back, c(0xA9B8C8), c(0x97A8BA), c(0xF8F8F4), 300, H);
        Ridge range = ridge(31, -40, 1640, 6, 440, 80, 150, 300, H);
        mountains(g, range, c(0x8FA2B7), c(0x768AA1), c(0xF8F8F4), 330, H);
        Ridge foot = ridge(32, -40, 1640, 8, 640, 20, 560, 600, H);
        mountains(g, foot, c(0xA9AC9E), c(0x9C9F91), null, 0, H);
        vgrad(g, rect(0, 560, W, 140), 560, c(0xE5E3DA, 0), 700, c(0xE5E3DA, 230));
        Random r = new Random(8);
        // back row of buildings, pale with distance
        for (double x = -20; x < W; ) {
            double w = 40 + r.nextDouble() * 70, h = 30 + r.nextDouble() * 70;
            fill(g, rect(x, 730 - h, w, h + 10), mix(c(0xD3CEC3), c(0xC6C1B7), r.nextDouble()));
            x += w + 3;
        }
        // the tower: shaft, the round head, the mast
        double tx = 1050, base = 770;
        fill(g, rect(tx - 2, 100, 4, 90), c(0x8A939A));
        fill(g, poly(tx - 8, 190, tx + 8, 190, tx + 5, 262, tx - 5, 262), c(0x9AA3AA));
        fill(g, poly(tx - 16, base, tx + 16, base, tx + 9, 320, tx - 9, 320), c(0xA9B1B7));
        fill(g, poly(tx + 2, base, tx + 16, base, tx + 9, 320, tx + 2, 320), c(0x8E979E));
        Path2D pod = new Path2D.Double();
        pod.moveTo(tx - 12, 350);
        pod.curveTo(tx - 40, 340, tx - 64, 318, tx - 62, 292);
        pod.curveTo(tx - 60, 272, tx - 44, 262, tx - 30, 260);
        pod.lineTo(tx + 30, 260);
        pod.curveTo(tx + 44, 262, tx + 60, 272, tx + 62, 292);
        pod.curveTo(tx + 64, 318, tx + 40, 340, tx + 12, 350);
        pod.closePath();
        fill(g, pod, c(0xA9B1B7));
        Shape clip = g.getClip();
        g.clip(pod);
        fill(g, rect(tx + 4, 250, 80, 110), c(0x8E979E));
        fill(g, rect(tx - 70, 276, 140, 7), c(0x4E6072));
        fill(g, rect(tx - 70, 294, 140, 7), c(0x4E6072));
        g.setClip(clip);
        fill(g, rr(tx - 34, 252, 68, 12, 8), c(0x9AA3AA));
        // front rows with windows
        Color[] facades = {c(0xE9DFCF), c(0xDCCDB5), c(0xD2C2AA), c(0xE6D8C2), c(0xCBBBA5), c(0xEFE8DC)};
        for (int row = 0; row < 2; row++) {
            double yb = row == 0 ? 790 : 860;
            for (double x = -30 + row * 40; x < W; ) {
                double w = 70 + r.nextDouble() * 90, h = (row == 0 ? 50 : 40) + r.nextDouble() * (row == 0 ? 80 : 50);
                Color f = facades[r.nextInt(facades.length)];
                fill(g, rect(x, yb - h, w, h + 80), f);
                fill(g, rect(x + w - 10, yb - h, 10, h + 80), mix(f, c(0x6E6A64), 0.18));
                Color win = c(0x5F7184);
                for (double wy = yb - h + 16; wy < yb - 18; wy += 26)
                    for (double wx = x + 12; wx < x + w - 24; wx += 22)
                        fill(g, rect(wx, wy, 10, 13), win);
                x += w + 6 + r.nextDouble() * 14;
            }
        }
        // a band of park trees along the bottom
        fill(g, rect(0, 870, W, 30), c(0x6E7B5E));
        for (double x = -20; x < W + 40; x += 40 + r.nextDouble() * 50) {
            double s = 0.6 + r.nextDouble() * 0.6;
            fill(g, ell(x, 872, 30 * s, 26 * s), r.nextBoolean() ? c(0x5D7150) : c(0x687D58));
        }
    }

    // ------------------------------------------------------------------ tanker in a strait

    static void tankerStrait(Graphics2D g) {
        sky(g, 0xC9DCE4, 0xF3E5CF, 500);
        glow(g, 300, 330, 260, c(0xFFF2D8), 150);
        // far right coast
        // rocky headland on the far side
        double[] hx = {1040, 1120, 1190, 1260, 1330, 1420, 1500, 1620};
        double[] hy = {505, 470, 440, 400, 410, 370, 385, 360};
        Path2D head = new Path2D.Double();
        head.moveTo(hx[0], hy[0]);
        for (int i = 1; i < hx.length; i++) head.lineTo(hx[i], hy[i]);
        head.lineTo(1620, 520);
        head.lineTo(1040, 520);
        head.closePath();
        fill(g, head, c(0xBCAA97));
        Color[] farFacets = {c(0xAD9B88), c(0xC6B5A2), c(0xA39180)};
        for (int i = 1; i < hx.length; i++)
            fill(g, poly(hx[i], hy[i], hx[i] - 30, 520, hx[i] - 80 + (i % 2) * 20, 520, hx[i - 1], hy[i - 1]), farFacets[i % farFacets.length]);
        // sea
        vgrad(g, rect(0, 500, W, 400), 500, c(0x6C97A8), 900, c(0x2F5B6F));
        Random r = new Random(13);
        for (int i = 0; i < 80; i++) {
            double y = 515 + r.nextDouble() * 380, x = r.nextDouble() * W, w = 14 + (y - 500) * 0.12;
            line(g, x, y, x + w, y, c(0xFFFFFF, 50), 2);
        }
        // tanker, bow to the right
        double x0 = 480, x1 = 1270, wl = 600;
        fill(g, ell((x0 + x1) / 2, wl + 8, 420, 14), c(0x1C3B4A, 90));
        line(g, x1 + 10, wl + 4, x1 + 90, wl + 14, c(0xFFFFFF, 150), 4);
        line(g, x0 - 10, wl + 6, x0 - 220, wl + 20, c(0xFFFFFF, 110), 5);
        line(g, x0 - 10, wl + 12, x0 - 160, wl + 34, c(0xFFFFFF, 80), 4);
        Path2D hull = new Path2D.Double();
        hull.moveTo(x0, wl - 62);
        hull.lineTo(x1 - 30, wl - 62);
        hull.lineTo(x1 + 30, wl - 78);
        hull.quadTo(x1 + 20, wl - 20, x1 - 10, wl);
        hull.lineTo(x0 + 12, wl);
        hull.lineTo(x0 - 6, wl - 40);
        hull.closePath();
        fill(g, hull, c(0x2B3A48));
        Shape hclip = g.getClip();
        g.clip(hull);
        fill(g, rect(x0 - 20, wl - 14, x1 - x0 + 80, 20), c(0x9A3A30));
        fill(g, rect(x0 - 20, wl - 66, x1 - x0 + 80, 6), c(0x3E5061));
        g.setClip(hclip);
        // deck pipes and gear
        fill(g, rect(x0 + 130, wl - 72, x1 - x0 - 170, 10), c(0x7B8C78));
        for (double x = x0 + 160; x < x1 - 60; x += 70) fill(g, rect(x, wl - 80, 6, 18), c(0x5E6E5C));
        line(g, x0 + 130, wl - 76, x1 - 40, wl - 76, c(0xB9C3B3), 3);
        fill(g, rect(830, wl - 124, 8, 56), c(0xC9B26A));
        line(g, 834, wl - 120, 890, wl - 84, c(0xC9B26A), 5);
        // accommodation block at the stern
        fill(g, rect(x0 + 20, wl - 170, 100, 108), c(0xF2F0EA));
        fill(g, rect(x0 + 10, wl - 196, 120, 28), c(0xF7F6F1));
        fill(g, rect(x0 + 104, wl - 170, 16, 108), c(0xD9D6CE));
        for (int k = 0; k < 3; k++)
            for (double x = x0 + 30; x < x0 + 100; x += 18) fill(g, rect(x, wl - 158 + k * 28, 10, 12), c(0x35495C));
        for (double x = x0 + 18; x < x0 + 125; x += 14) fill(g, rect(x, wl - 190, 10, 11), c(0x35495C));
        fill(g, poly(x0 + 40, wl - 196, x0 + 82, wl - 196, x0 + 78, wl - 246, x0 + 48, wl - 246), c(0x2B3A48));
        fill(g, rect(x0 + 46, wl - 232, 34, 10), c(0xD6A03C));
        line(g, x0 + 100, wl - 196, x0 + 100, wl - 240, c(0x6B7680), 3);
        // rocky foreground coast on the left: faceted bands, lit from the left
        double[][] top = {{-10, 260}, {80, 250}, {150, 300}, {210, 290}, {270, 360}, {340, 400}, {380, 470}, {440, 540},
                          {420, 640}, {500, 730}, {560, 830}, {640, 910}};
        Path2D rocks = new Path2D.Double();
        rocks.moveTo(top[0][0], top[0][1]);
        for (double[] p : top) rocks.lineTo(p[0], p[1]);
        rocks.lineTo(-10, 910);
        rocks.closePath();
        fill(g, rocks, c(0x9C7C60));
        Shape clip2 = g.getClip();
        g.clip(rocks);
        int[] from = {1, 3, 4, 6, 7, 9, 10};
        Color[] bandCol = {c(0xB08E70), c(0x8A6B51), c(0xA6866A), c(0x7A5E47), c(0x9C7C60), c(0x86674D), c(0x7A5E47), c(0x6E543F)};
        double prevX = -10, prevBottom = -10;
        double[] bottoms = {20, 150, 230, 330, 380, 470, 530};
        for (int k = 0; k <= from.length; k++) {
            Path2D band = new Path2D.Double();
            double tx0 = k == 0 ? -10 : top[from[k - 1]][0], ty0 = k == 0 ? 260 : top[from[k - 1]][1];
            double tx1 = k == from.length ? 700 : top[from[k]][0], ty1 = k == from.length ? 910 : top[from[k]][1];
            double b0 = k == 0 ? -10 : bottoms[k - 1], b1 = k == from.length ? 700 : bottoms[k];
            band.moveTo(tx0, ty0);
            band.lineTo(tx1, ty1);
            band.lineTo(b1, 910);
            band.lineTo(b0, 910);
            band.closePath();
            fill(g, band, bandCol[k]);
        }
        for (int i = 0; i < 9; i++) {
            double y = 380 + i * 60, x = 20 + r.nextDouble() * 300;
            line(g, x, y, x + 60 + r.nextDouble() * 60, y + 14, c(0x5E4736, 120), 3);
        }
        g.setClip(clip2);
        // foam at the foot of the rocks
        for (int k = 0; k < 9; k++) {
            double t = k / 8.0;
            double x = 440 + t * 200, y = 560 + t * 340;
            line(g, x + 6, y, x + 40, y + 6, c(0xFFFFFF, 140), 4);
        }
        // small near rocks on the right
        fill(g, poly(1380, 900, 1420, 820, 1480, 800, 1540, 760, 1620, 770, 1620, 900), c(0x8A6B51));
        fill(g, poly(1480, 800, 1540, 760, 1560, 820, 1500, 850), c(0xA6866A));
        for (int k = 0; k < 5; k++) line(g, 1370 + k * 10, 900 - k * 20, 1400 + k * 12, 896 - k * 20, c(0xFFFFFF, 120), 4);
    }

    // ------------------------------------------------------------------ solar farm

    static void desertSolar(Graphics2D g) {
        sky(g, 0x8FC0DA, 0xF5E9D0, 480);
        glow(g, 1260, 170, 330, c(0xFFF4D6), 230);
        glow(g, 1260, 170, 140, c(0xFFFFFF), 200);
        fill(g, ell(1260, 170, 70, 70), c(0xFFF0BE));
        fill(g, land(H, -20, 470, 200, 440, 420, 462, 640, 438, 900, 470, 1120, 440, 1400, 455, 1620, 440), c(0xE4C38E));
        fill(g, land(H, -20, 480, 300, 472, 700, 482, 1000, 470, 1300, 484, 1620, 476), c(0xDDB67F));
        vgrad(g, rect(0, 482, W, 420), 482, c(0xEBD2A2), 900, c(0xE0BC86));
        // ripples in the sand
        Random r = new Random(17);
        for (int i = 0; i < 30; i++) {
            double x = r.nextDouble() * W, y = 500 + r.nextDouble() * 390, w = 30 + (y - 480) * 0.3;
            stroke(g, new QuadCurve2D.Double(x, y, x + w / 2, y - 6, x + w, y), c(0xC99F66, 120), 2);
        }
        double horizon = 480, vx = 800;
        for (int i = 0; i < 9; i++) {
            double y = horizon + 16 * Math.pow(1.44, i);
            double h = 5.2 * Math.pow(1.44, i);
            if (y > H) break;
            double half = 230 + (y - horizon) * 4.4;
            double xl = vx - half, xr = vx + half;
            // shadow on the sand, legs, then the panel face
            fill(g, rect(xl + h * 0.3, y + h * 0.75, xr - xl, h * 0.35), c(0xB88B55, 140));
            double sp = (y - horizon) * 0.55;
            for (double x = vx; x < xr; x += sp * 2) {
                fill(g, rect(x - h * 0.05, y + h * 0.4, h * 0.1, h * 0.5), c(0x6B6F73));
                if (x > vx) fill(g, rect(2 * vx - x - h * 0.05, y + h * 0.4, h * 0.1, h * 0.5), c(0x6B6F73));
            }
            Path2D face = poly(xl + h * 0.25, y, xr - h * 0.25, y, xr, y + h * 0.8, xl, y + h * 0.8);
            vgrad(g, face, y, c(0x3F6F99), y + h, c(0x1E3C5C));
            Shape clip = g.getClip();
            g.clip(face);
            for (double x = vx; x < xr + sp; x += sp) {
                line(g, x, y, x, y + h, c(0xA9C3D8, 150), Math.max(1, h * 0.05));
                line(g, 2 * vx - x, y, 2 * vx - x, y + h, c(0xA9C3D8, 150), Math.max(1, h * 0.05));
            }
            line(g, xl, y + h * 0.4, xr, y + h * 0.4, c(0xA9C3D8, 120), Math.max(1, h * 0.04));
            fill(g, rect(xl, y, xr - xl, h * 0.12), c(0xFFFFFF, 90));
            g.setClip(clip);
            line(g, xl + h * 0.25, y, xr - h * 0.25, y, c(0xD5DEE5), Math.max(1, h * 0.06));
        }
    }

    // ------------------------------------------------------------------ olive terraces

    static void olive(Graphics2D g, double x, double y, double s, Random r) {
        fill(g, ell(x + 10 * s, y + 2 * s, 56 * s, 10 * s), c(0x6B5B3A, 70));
        Path2D trunk = new Path2D.Double();
        trunk.moveTo(x - 10 * s, y);
        trunk.curveTo(x - 2 * s, y - 20 * s, x - 16 * s, y - 40 * s, x - 20 * s, y - 70 * s);
        trunk.lineTo(x - 10 * s, y - 72 * s);
        trunk.curveTo(x - 4 * s, y - 50 * s, x + 4 * s, y - 46 * s, x + 6 * s, y - 62 * s);
        trunk.lineTo(x + 18 * s, y - 76 * s);
        trunk.lineTo(x + 14 * s, y - 56 * s);
        trunk.curveTo(x + 10 * s, y - 36 * s, x + 6 * s, y - 18 * s, x + 12 * s, y);
        trunk.closePath();
        fill(g, trunk, c(0x6C5A46));
        Color[] leaf = {c(0x8E9C6E), c(0x7D8C5F), c(0xA3AF85), c(0x96A47A)};
        double cy = y - 105 * s;
        for (int i = 0; i < 8; i++) {
            double ox = (r.nextDouble() - 0.5) * 90 * s, oy = (r.nextDouble() - 0.5) * 44 * s;
            double rx = (28 + r.nextDouble() * 16) * s, ry = (20 + r.nextDouble() * 10) * s;
            fill(g, ell(x + ox, cy + oy, rx, ry), leaf[r.nextInt(leaf.length)]);
        }
        for (int i = 0; i < 7; i++) {
            double ox = (r.nextDouble() - 0.5) * 90 * s, oy = (r.nextDouble() - 0.5) * 50 * s;
            fill(g, ell(x + ox, cy + oy - 6 * s, 9 * s, 5 * s), c(0xBFC8A4));
        }
    }

    static void oliveTerraces(Graphics2D g) {
        sky(g, 0xAFCFE0, 0xF3E8D4, 330);
        fill(g, land(H, -20, 230, 300, 180, 620, 210, 980, 160, 1300, 200, 1620, 170), c(0xB7BFA5));
        Path2D hill = land(H, -20, 300, 300, 250, 600, 230, 900, 222, 1200, 196, 1620, 190);
        fill(g, hill, c(0xA7A77C));
        double[] Y = {770, 610, 478, 372, 292};
        double[] hw = {72, 56, 44, 34, 26};
        double[] A = {60, 52, 44, 36, 30};
        double[] ts = {1.0, 0.78, 0.6, 0.46, 0.36};
        Random r = new Random(23);
        Color earth = c(0xB9A77A), grass = c(0xA5A778);
        Color[] stones = {c(0xC9B998), c(0xBBA987), c(0xD6C7A8), c(0xAF9D7C)};
        for (int i = 4; i >= 0; i--) {
            final int ii = i;
            java.util.function.DoubleUnaryOperator top = x -> Y[ii] - A[ii] * Math.pow((x - 800) / 800, 2) - 0.07 * (x - 800);
            // platform of terrace i: everything below the back edge, walls of nearer terraces cover the rest
            Path2D plat = new Path2D.Double();
            double back = i == 4 ? 250 : Y[i + 1] + hw[i + 1];
            double backA = i == 4 ? 20 : A[i + 1];
            plat.moveTo(-20, H);
            for (double x = -20; x <= W + 20; x += 20) plat.lineTo(x, back - backA * Math.pow((x - 800) / 800, 2) - 0.07 * (x - 800));
            plat.lineTo(W + 20, H);
            plat.closePath();
            if (i == 4) {
                fill(g, hill, grass);
            } else {
                vgrad(g, plat, back - backA, grass, Y[i], earth);
            }
            // trees on the platform
            double s = ts[i];
            double spacing = 290 * s;
            for (double x = -40 + r.nextDouble() * spacing; x < W + 40; x += spacing * (0.8 + r.nextDouble() * 0.6)) {
                if (r.nextDouble() < 0.18) continue;
                double backY = back - backA * Math.pow((x - 800) / 800, 2) - 0.07 * (x - 800);
                double yb = top.applyAsDouble(x) - (i == 4 ? 10 : (top.applyAsDouble(x) - backY) * 0.45);
                olive(g, x, yb, s, r);
            }
            // dry stone wall
            Path2D wall = new Path2D.Double();
            wall.moveTo(-20, top.applyAsDouble(-20));
            for (double x = -20; x <= W + 20; x += 20) wall.lineTo(x, top.applyAsDouble(x));
            for (double x = W + 20; x >= -20; x -= 20) wall.lineTo(x, top.applyAsDouble(x) + hw[i]);
            wall.closePath();
            fill(g, wall, c(0x8C7B5E));
            Shape clip = g.getClip();
            g.clip(wall);
            double sh = hw[i] / 3;
            for (int row = 0; row < 3; row++) {
                double x = -20 - r.nextDouble() * 40;
                while (x < W + 20) {
                    double sw = sh * (1.4 + r.nextDouble() * 1.3);
                    double yy = top.applyAsDouble(x + sw / 2) + row * sh;
                    fill(g, rr(x + 1.5, yy + 1.5, sw - 3, sh - 3, sh * 0.5), stones[r.nextInt(stones.length)]);
                    x += sw;
                }
            }
            g.setClip(clip);
        }
        // foreground below the lowest wall
        Path2D front = new Path2D.Double();
        front.moveTo(-20, H);
        for (double x = -20; x <= W + 20; x += 20) front.lineTo(x, Y[0] + hw[0] - A[0] * Math.pow((x - 800) / 800, 2) - 0.07 * (x - 800));
        front.lineTo(W + 20, H);
        front.closePath();
        vgrad(g, front, 780, c(0xA0A56F), 900, c(0x8E9660));
        for (int i = 0; i < 60; i++) {
            double x = r.nextDouble() * W, y = 860 + r.nextDouble() * 40;
            line(g, x, y, x + 3, y - 14, c(0x7A8450), 2);
        }
    }

    // ------------------------------------------------------------------ old city walls

    static void stoneCourses(Graphics2D g, Shape area, double top, double bottom, double course, Color mortar, Color[] stones, Random r) {
        fill(g, area, mortar);
        Shape clip = g.getClip();
        g.clip(area);
        Rectangle2D b = area.getBounds2D();
        for (double y = top; y < bottom; y += course) {
            double x = b.getX() - r.nextDouble() * course * 2;
            while (x < b.getMaxX()) {
                double w = course * (1.6 + r.nextDouble() * 1.4);
                fill(g, rect(x + 2, y + 2, w - 4, course - 4), stones[r.nextInt(stones.length)]);
                x += w;
            }
        }
        g.setClip(clip);
    }

    static void oldCityWalls(Graphics2D g) {
        sky(g, 0xB8D4E4, 0xF5E4C8, 450);
        Random r = new Random(29);
        // buildings and the dome behind the wall
        fill(g, rect(60, 330, 180, 120), c(0xE4D3B8));
        fill(g, rect(1180, 300, 220, 150), c(0xDCC8AA));
        fill(g, rect(1400, 350, 160, 100), c(0xE8DAC2));
        fill(g, ell(1230, 330, 10, 60), c(0x5E7052));
        fill(g, rect(1227, 330, 6, 80), c(0x5E7052));
        Path2D cypress = new Path2D.Double();
        cypress.moveTo(300, 440);
        cypress.quadTo(270, 330, 300, 220);
        cypress.quadTo(330, 330, 300, 440);
        fill(g, cypress, c(0x4F6446));
        double dx = 820;
        fill(g, rect(dx - 150, 300, 300, 150), c(0xE6D6BA));
        for (int k = -2; k <= 2; k++) {
            double wx = dx + k * 56;
            Path2D win = new Path2D.Double();
            win.moveTo(wx - 11, 380);
            win.lineTo(wx - 11, 340);
            win.quadTo(wx, 318, wx + 11, 340);
            win.lineTo(wx + 11, 380);
            win.closePath();
            fill(g, win, c(0x6D5E4E));
        }
        fill(g, rect(dx - 160, 290, 320, 14), c(0xD3C09F));
        Path2D dome = new Path2D.Double();
        dome.moveTo(dx - 150, 292);
        dome.curveTo(dx - 150, 160, dx - 60, 130, dx, 128);
        dome.curveTo(dx + 60, 130, dx + 150, 160, dx + 150, 292);
        dome.closePath();
        hgrad(g, dome, dx - 150, c(0x7FB2B0), dx + 150, c(0x4E8785));
        Shape clip = g.getClip();
        g.clip(dome);
        for (int k = -5; k <= 5; k++) {
            Path2D rib = new Path2D.Double();
            rib.moveTo(dx + k * 28, 292);
            rib.quadTo(dx + k * 22, 170, dx, 128);
            stroke(g, rib, c(0x3F7371, 90), 2);
        }
        g.setClip(clip);
        fill(g, rect(dx - 3, 86, 6, 44), c(0xC6A24A));
        fill(g, ell(dx, 100, 9, 9), c(0xC6A24A));
        // main wall
        Color mortar = c(0xB99F78);
        Color[] stones = {c(0xDCC6A0), c(0xD3BB92), c(0xE3D0AE), c(0xCCB28A)};
        double wallTop = 440;
        Path2D wall = new Path2D.Double(rect(-10, wallTop, W + 20, 420));
        for (double x = -10; x < W; x += 70) wall.append(rect(x, wallTop - 36, 42, 40), false);
        stoneCourses(g, new Area(wall), wallTop - 36, 860, 36, mortar, stones, r);
        // towers either side of the gate
        Color[] towerStones = {c(0xD3BB92), c(0xC9AF86), c(0xDAC49E), c(0xC2A87F)};
        for (double tx : new double[] {470, 1000}) {
            Area tower = new Area(rect(tx, 360, 180, 500));
            for (double x = tx - 6; x < tx + 180; x += 48) tower.add(new Area(rect(x, 326, 30, 40)));
            stoneCourses(g, tower, 326, 860, 36, mortar, towerStones, r);
            fill(g, rect(tx + 150, 326, 30, 534), c(0x7A6246, 60));
            fill(g, rect(tx, 360, 180, 8), c(0xEADBC0));
            fill(g, rr(tx + 78, 440, 24, 54, 12), c(0x5A4A3C));
        }
        // gate
        double gx = 820, gw = 190, spring = 650, rTop = gw / 2;
        Path2D ring = new Path2D.Double();
        ring.moveTo(gx - gw / 2 - 30, 860);
        ring.lineTo(gx - gw / 2 - 30, spring);
        ring.append(new Arc2D.Double(gx - rTop - 30, spring - rTop - 30, gw + 60, gw + 60, 180, -180, Arc2D.OPEN), true);
        ring.lineTo(gx + gw / 2 + 30, 860);
        ring.closePath();
        fill(g, ring, c(0xE6D5B4));
        for (int k = 0; k <= 8; k++) {
            double a = Math.PI - Math.PI * k / 8;
            line(g, gx + Math.cos(a) * rTop, spring - Math.sin(a) * rTop,
                gx + Math.cos(a) * (rTop + 30), spring - Math.sin(a) * (rTop + 30), mortar, 3);
        }
        Path2D opening = new Path2D.Double();
        opening.moveTo(gx - gw / 2, 860);
        opening.lineTo(gx - gw / 2, spring);
        opening.append(new Arc2D.Double(gx - rTop, spring - rTop, gw, gw, 180, -180, Arc2D.OPEN), true);
        opening.lineTo(gx + gw / 2, 860);
        opening.closePath();
        vgrad(g, opening, spring - rTop, c(0x3B2F27), 860, c(0x5B4A3B));
        g.clip(opening);
        fill(g, poly(gx - 40, 760, gx + 40, 760, gx + 95, 860, gx - 95, 860), c(0xC9B08A));
        fill(g, rect(gx - 40, 700, 80, 60), c(0xF0DDBA));
        g.setClip(clip);
        // ground and path
        vgrad(g, rect(0, 850, W, 50), 850, c(0xCDB68E), 900, c(0xBFA67C));
        fill(g, poly(gx - 95, 850, gx + 95, 850, gx + 200, 900, gx - 200, 900), c(0xDCC7A2));
        for (int i = 0; i < 10; i++) {
            double x = r.nextDouble() * W;
            if (Math.abs(x - gx) < 220) continue;
            fill(g, ell(x, 852, 22, 12), c(0x8C9464));
        }
    }

    // ------------------------------------------------------------------ river with palms

    static void palm(Graphics2D g, double x, double y, double height, double lean, double s, Random r) {
        double tx = x + lean, ty = y - height, cx = x + lean * 0.15, cy = y - height * 0.5;
        int n = 24;
        Path2D trunk = new Path2D.Double();
        double[] lx = new double[n + 1], ly = new double[n + 1], rxs = new double[n + 1], rys = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            double t = i / (double) n;
            double px = (1 - t) * (1 - t) * x + 2 * t * (1 - t) * cx + t * t * tx;
            double py = (1 - t) * (1 - t) * y + 2 * t * (1 - t) * cy + t * t * ty;
            double dxx = 2 * (1 - t) * (cx - x) + 2 * t * (tx - cx), dyy = 2 * (1 - t) * (cy - y) + 2 * t * (ty - cy);
            double len = Math.hypot(dxx, dyy), nx = -dyy / len, ny = dxx / len;
            double w = (11 - 4 * t) * s;
            lx[i] = px + nx * w; ly[i] = py + ny * w; rxs[i] = px - nx * w; rys[i] = py - ny * w;
        }
        trunk.moveTo(lx[0], ly[0]);
        for (int i = 1; i <= n; i++) trunk.lineTo(lx[i], ly[i]);
        for (int i = n; i >= 0; i--) trunk.lineTo(rxs[i], rys[i]);
        trunk.closePath();
        fill(g, trunk, c(0x8A6B4E));
        if (s > 0.6) for (int i = 1; i < n; i += 2) line(g, lx[i], ly[i], rxs[i], rys[i], c(0x6E533C), 1.6 * s);
        // dates
        for (int i = 0; i < 10; i++)
            fill(g, ell(tx + (r.nextDouble() - 0.5) * 30 * s, ty + 12 * s + r.nextDouble() * 16 * s, 5 * s, 5 * s), c(0xC07A2E));
        Color[] greens = {c(0x4F7B45), c(0x5E8C51), c(0x436D3D), c(0x6A9659)};
        int fronds = 13;
        for (int i = 0; i < fronds; i++) {
            double a = -Math.PI + Math.PI * 2 * i / fronds + (r.nextDouble() - 0.5) * 0.3;
            double L = (70 + r.nextDouble() * 25) * s;
            double ex = tx + Math.cos(a) * L, ey = ty + Math.sin(a) * L * 0.55 + 34 * s;
            double mx = tx + Math.cos(a) * L * 0.55, my = ty + Math.sin(a) * L * 0.45 - 12 * s;
            double px = -(ey - ty), py = ex - tx, pl = Math.hypot(px, py);
            px = px / pl * 10 * s;
            py = py / pl * 10 * s;
            Path2D leaf = new Path2D.Double();
            leaf.moveTo(tx, ty);
            leaf.quadTo(mx + px, my + py, ex, ey);
            leaf.quadTo(mx - px, my - py, tx, ty);
            leaf.closePath();
            Color gcol = greens[r.nextInt(greens.length)];
            fill(g, leaf, gcol);
            if (s > 0.6) stroke(g, new QuadCurve2D.Double(tx, ty, mx, my, ex, ey), mix(gcol, c(0x2E4A2A), 0.4), 1.5 * s);
        }
    }

    static void riverPalms(Graphics2D g) {
        sky(g, 0xBFDCEA, 0xF6EAD3, 440);
        glow(g, 300, 260, 260, c(0xFFF6DE), 160);
        Random r = new Random(37);
        // far bank
        fill(g, land(H, -20, 440, 400, 428, 800, 436, 1200, 424, 1620, 432), c(0xB8B08A));
        fill(g, rect(0, 448, W, 30), c(0xA59C74));
        // river
        double bankY = 470;
        vgrad(g, rect(0, bankY, W, 300), bankY, c(0x86B3C2), 760, c(0x4F8697));
        // far palms and their reflections
        List<double[]> far = new ArrayList<>();
        for (double x = 20; x < W; x += 70 + r.nextDouble() * 60) far.add(new double[] {x, 90 + r.nextDouble() * 50, (r.nextDouble() - 0.5) * 30});
        AffineTransform t = push(g);
        g.translate(0, 1.6 * (bankY - 6) + 10);
        g.scale(1, -0.6);
        alpha(g, 0.22);
        Random rr2 = new Random(38);
        for (double[] p : far) palm(g, p[0], bankY - 6, p[1], p[2], 0.45, rr2);
        opaque(g);
        pop(g, t);
        Random rr3 = new Random(38);
        for (double[] p : far) palm(g, p[0], bankY - 6, p[1], p[2], 0.45, rr3);
        fill(g, rect(0, 462, W, 10), c(0x9A8F66));
        for (int i = 0; i < 40; i++) {
            double y = 480 + r.nextDouble() * 280, x = r.nextDouble() * W, w = 20 + (y - 470) * 0.2;
            line(g, x, y, x + w, y, c(0xFFFFFF, 60), 2);
        }
        // a moored boat
        double bx = 1000, by = 640;
        fill(g, poly(bx - 110, by - 26, bx + 120, by - 30, bx + 90, by, bx - 90, by), c(0x7B5236));
        fill(g, rect(bx - 100, by - 30, 216, 6), c(0xD9C29A));
        fill(g, ell(bx, by + 4, 110, 6), c(0x2F5F6E, 80));
        // near bank
        Path2D near = land(H, -20, 760, 300, 740, 700, 770, 1100, 748, 1620, 765);
        vgrad(g, near, 740, c(0xA9AE76), 900, c(0x8F9A60));
        fill(g, land(H, -20, 772, 300, 752, 700, 782, 1100, 760, 1620, 777), c(0xC4AE80));
        fill(g, land(H, -20, 800, 300, 786, 700, 808, 1100, 792, 1620, 804), c(0x97A066));
        for (int i = 0; i < 30; i++) {
            double x = r.nextDouble() * W, y = 800 + r.nextDouble() * 95;
            line(g, x, y, x - 4, y - 16, c(0x75804A), 2);
        }
        double[][] near3 = {{150, 860, 520, 40}, {390, 850, 440, -30}, {1330, 856, 500, -50}, {1520, 870, 390, 25}};
        for (double[] p : near3) palm(g, p[0], p[1], p[2], p[3], 1.25, r);
    }

    // ------------------------------------------------------------------ dam with low water

    static void damLowWater(Graphics2D g) {
        sky(g, 0xB3CFE0, 0xF2E6D2, 260);
        Random r = new Random(41);
        double dl = 640, dr = 960, crest = 240, hiAtDam = 310, waterAtDam = 600;
        // far hills beyond the dam
        fill(g, land(H, 500, 250, 700, 200, 900, 215, 1100, 250), c(0xBFAE96));
        // the dam: concrete wall between the canyon walls, crest road on top
        Path2D dam = poly(dl, crest, dr, crest, dr, waterAtDam + 10, dl, waterAtDam + 10);
        vgrad(g, dam, crest, c(0xDAD6CC), waterAtDam, c(0xC4BFB3));
        for (double x = dl + 32; x < dr; x += 32) line(g, x, crest + 14, x, waterAtDam + 10, c(0xB2AD9F), 2);
        fill(g, rect(dl, hiAtDam + 56, dr - dl, waterAtDam - hiAtDam - 46), c(0xA9A294, 90));
        fill(g, rect(dl, hiAtDam, dr - dl, 56), c(0xF3EFE6));
        fill(g, rect(dl - 10, crest - 8, dr - dl + 20, 18), c(0xCFCABE));
        for (double x = dl - 6; x < dr + 10; x += 14) line(g, x, crest - 8, x, crest - 20, c(0x7D7A72), 2);
        line(g, dl - 10, crest - 20, dr + 10, crest - 20, c(0x7D7A72), 2);
        // the reservoir, far down in the canyon
        Path2D lake = poly(dl - 40, waterAtDam, dr + 40, waterAtDam, W - 150, H + 10, 150, H + 10);
        vgrad(g, lake, waterAtDam, c(0x5E8A97), H, c(0x3D6A78));
        for (int i = 0; i < 36; i++) {
            double y = waterAtDam + 14 + r.nextDouble() * 280;
            double t = (y - waterAtDam) / (H - waterAtDam);
            double half = 160 + t * 390;
            double x = 800 + (r.nextDouble() - 0.5) * 1.6 * half;
            line(g, x, y, x + 14 + t * 30, y, c(0xFFFFFF, 55), 2);
        }
        // canyon walls, with the high-water line and the water line on each, in perspective
        for (int side = -1; side <= 1; side += 2) {
            boolean left = side < 0;
            double ax = left ? dl : dr;                     // where the wall meets the dam
            double edgeX = left ? -10 : W + 10;
            double nearX = left ? 250 : W - 250;            // where the water meets the bottom edge
            double[][] rim = left
                ? new double[][] {{-10, 90}, {90, 84}, {180, 110}, {250, 104}, {330, 160}, {400, 150}, {470, 170}, {560, 200}, {ax, 226}}
                : new double[][] {{W + 10, 70}, {1520, 88}, {1440, 120}, {1370, 112}, {1300, 130}, {1210, 150}, {1120, 180}, {1040, 196}, {ax, 226}};
            Path2D wall = new Path2D.Double();
            wall.moveTo(rim[0][0], rim[0][1]);
            for (double[] p : rim) wall.lineTo(p[0], p[1]);
            // jagged foot of the wall along the water
            for (int k = 0; k <= 10; k++) {
                double t = k / 10.0;
                double x = ax + (nearX - ax) * t, y = waterAtDam + (H + 10 - waterAtDam) * t;
                double j = (k == 0 || k == 10) ? 0 : (r.nextDouble() - 0.3) * 30 * (0.4 + t);
                wall.lineTo(x - side * j, y);
            }
            wall.lineTo(edgeX, H + 10);
            wall.closePath();
            Color[] rockTones = left ? new Color[] {c(0xB5835D), c(0xA77551), c(0xBE8E68), c(0x9E6E4C)}
                                     : new Color[] {c(0x94684A), c(0x875D41), c(0x9E7352), c(0x7E573D)};
            Shape clip = g.getClip();
            g.clip(wall);
            // rock facets: slanted strips that converge on the dam
            List<Path2D> facets = new ArrayList<>();
            double prev = 0;
            while (prev < 1) {
                double next = Math.min(1, prev + 0.06 + r.nextDouble() * 0.1);
                double xa = ax + (edgeX - ax) * prev, xb = ax + (edgeX - ax) * next;
                facets.add(poly(xa, 0, xb, 0, xb + (left ? -40 : 40) * next, H + 20, xa + (left ? -40 : 40) * prev, H + 20));
                prev = next;
            }
            int[] tone = new int[facets.size()];
            for (int k = 0; k < tone.length; k++) tone[k] = r.nextInt(rockTones.length);
            for (int k = 0; k < facets.size(); k++) fill(g, facets.get(k), rockTones[tone[k]]);
            for (int k = 0; k < 7; k++) {
                double yd = 232 + k * 11, yn = 110 + k * 52;
                line(g, ax, yd, edgeX, yn + (left ? 20 : 0), withAlpha(rockTones[3].darker(), 120), 2.5);
            }
            // below the old full level the rock is exposed and dull; the pale band marks where
            // the water stood for years
            double hiNearY = 500, bandAtDam = 56, bandNear = 150;
            int steps = 24;
            double[] hiX = new double[steps + 1], hiY = new double[steps + 1], loY = new double[steps + 1];
            for (int k = 0; k <= steps; k++) {
                double t = k / (double) steps;
                hiX[k] = ax + (edgeX - ax) * t;
                hiY[k] = hiAtDam + (hiNearY - hiAtDam) * t + (k == 0 ? 0 : (r.nextDouble() - 0.5) * 10 * (0.3 + t));
                loY[k] = hiY[k] + bandAtDam + (bandNear - bandAtDam) * t + (k == 0 ? 0 : (r.nextDouble() - 0.5) * 26 * (0.3 + t));
            }
            Path2D exposed = new Path2D.Double();
            Path2D band = new Path2D.Double();
            Path2D hiLine = new Path2D.Double();
            exposed.moveTo(hiX[0], hiY[0]);
            band.moveTo(hiX[0], hiY[0]);
            hiLine.moveTo(hiX[0], hiY[0]);
            for (int k = 1; k <= steps; k++) { exposed.lineTo(hiX[k], hiY[k]); band.lineTo(hiX[k], hiY[k]); hiLine.lineTo(hiX[k], hiY[k]); }
            exposed.lineTo(edgeX, H + 10);
            exposed.lineTo(ax, H + 10);
            exposed.closePath();
            for (int k = steps; k >= 0; k--) band.lineTo(hiX[k], loY[k]);
            band.closePath();
            g.clip(exposed);
            for (int k = 0; k < facets.size(); k++) fill(g, facets.get(k), mix(rockTones[tone[k]], c(0x9C8F80), 0.45));
            g.setClip(clip);
            g.clip(wall);
            g.clip(band);
            for (int k = 0; k < facets.size(); k++) fill(g, facets.get(k), mix(rockTones[tone[k]], c(0xF6F1E6), 0.78));
            g.setClip(clip);
            g.clip(wall);
            stroke(g, hiLine, c(0xFBF6EA), 3);
            g.setClip(clip);
        }
    }

    // ------------------------------------------------------------------ hilltop citadel

    static void hilltopCitadel(Graphics2D g) {
        sky(g, 0xB7D2E3, 0xF4E5CC, 500);
        Random r = new Random(43);
        fill(g, land(H, -20, 520, 300, 500, 700, 530, 1100, 505, 1620, 520), c(0xC2BCA2));
        Path2D hill = land(H, -20, 700, 250, 640, 480, 430, 680, 330, 980, 320, 1180, 410, 1380, 600, 1620, 690);
        vgrad(g, hill, 320, c(0xB5A878), 780, c(0xA39568));
        Shape clip = g.getClip();
        g.clip(hill);
        for (int i = 0; i < 30; i++) {
            double x = 300 + r.nextDouble() * 1050, y = 400 + r.nextDouble() * 340;
            fill(g, ell(x, y, 14, 9), c(0x7E8A55));
        }
        line(g, 600, 720, 770, 560, c(0xD8C9A3), 6);
        line(g, 770, 560, 840, 392, c(0xD8C9A3), 5);
        g.setClip(clip);
        // citadel
        Color wall = c(0xD8C096), shade = c(0xBFA47A), dark = c(0x5B4A3A);
        double base = 360;
        fill(g, poly(520, 390, 1190, 390, 1170, 340, 540, 340), c(0xB59B70));
        fill(g, rect(560, 230, 580, 130), wall);
        for (double x = 560; x < 1140; x += 34) fill(g, rect(x, 214, 20, 18), wall);
        fill(g, rect(560, 352, 580, 10), shade);
        // keep
        fill(g, rect(760, 130, 160, 110), c(0xDCC59C));
        for (double x = 760; x < 920; x += 32) fill(g, rect(x, 114, 18, 18), c(0xDCC59C));
        fill(g, rect(890, 114, 30, 126), shade);
        fill(g, rr(818, 160, 16, 34, 8), dark);
        // towers
        for (double tx : new double[] {530, 720, 960, 1120}) {
            double th = tx == 720 || tx == 960 ? 180 : 160;
            fill(g, rect(tx, base - th, 60, th), wall);
            for (double x = tx - 4; x < tx + 60; x += 24) fill(g, rect(x, base - th - 16, 16, 18), wall);
            fill(g, rect(tx + 42, base - th - 16, 18, th + 16), shade);
            fill(g, rr(tx + 22, base - th + 40, 12, 26, 6), dark);
        }
        // gate
        Path2D gate = new Path2D.Double();
        gate.moveTo(820, 362);
        gate.lineTo(820, 320);
        gate.quadTo(840, 290, 860, 320);
        gate.lineTo(860, 362);
        gate.closePath();
        fill(g, gate, dark);
        for (double x = 600; x < 1120; x += 70) if (Math.abs(x - 840) > 60) fill(g, rr(x, 282, 10, 22, 5), dark);
        // low city below
        vgrad(g, rect(0, 700, W, 200), 700, c(0xD2C29F), 900, c(0xC4B38C));
        Color[] walls = {c(0xEEE4D1), c(0xE5D5BA), c(0xF2ECDF), c(0xDCC9AA), c(0xE9DCC4)};
        for (int row = 0; row < 5; row++) {
            double y = 720 + row * 42;
            double s = 0.7 + row * 0.14;
            for (double x = -30 + (row % 2) * 40 + r.nextDouble() * 20; x < W + 20; ) {
                double w = (60 + r.nextDouble() * 60) * s, h = (34 + r.nextDouble() * 30) * s;
                if (r.nextDouble() < 0.12) {
                    fill(g, rect(x + w * 0.45, y - 40 * s, 5 * s, 40 * s), c(0x6E5A44));
                    fill(g, ell(x + w * 0.5, y - 52 * s, 26 * s, 22 * s), c(0x6F8A57));
                    x += w * 0.9;
                    continue;
                }
                Color col = walls[r.nextInt(walls.length)];
                fill(g, rect(x, y - h, w, h + 30), col);
                fill(g, rect(x, y - h - 5 * s, w, 6 * s), mix(col, Color.WHITE, 0.4));
                fill(g, rect(x + w - 8 * s, y - h, 8 * s, h + 30), mix(col, c(0x7A6A55), 0.22));
                for (double wx = x + 10 * s; wx < x + w - 20 * s; wx += 22 * s)
                    fill(g, rect(wx, y - h + 12 * s, 8 * s, 11 * s), c(0x6A5A4A));
                x += w + 3;
            }
        }
    }

    // ------------------------------------------------------------------ tent camp

    static void tent(Graphics2D g, double x, double y, double s) {
        double w = 130 * s, hw = 52 * s, hp = 92 * s, dx = 120 * s, dy = -26 * s;
        fill(g, poly(x - w / 2, y + 4 * s, x + w / 2 + dx + 10 * s, y + dy + 4 * s, x + w / 2 + dx + 30 * s, y + dy + 16 * s, x - w / 2 + 20 * s, y + 16 * s), c(0x8C7E66, 70));
        fill(g, poly(x + w / 2, y, x + w / 2, y - hw, x + w / 2 + dx, y - hw + dy, x + w / 2 + dx, y + dy), c(0xD2D0C6));
        fill(g, poly(x, y - hp, x + w / 2, y - hw, x + w / 2 + dx, y - hw + dy, x + dx, y - hp + dy), c(0xE2E0D8));
        line(g, x, y - hp, x + dx, y - hp + dy, c(0xC2C0B8), 2 * s);
        Path2D front = poly(x - w / 2, y, x + w / 2, y, x + w / 2, y - hw, x, y - hp, x - w / 2, y - hw);
        fill(g, front, c(0xF6F4EE));
        stroke(g, front, c(0xC9C7BF), 1.5 * s);
        Path2D door = poly(x - 20 * s, y, x + 20 * s, y, x + 12 * s, y - 58 * s, x - 12 * s, y - 58 * s);
        fill(g, door, c(0x8D9AA5));
        fill(g, poly(x - 20 * s, y, x - 2 * s, y, x - 9 * s, y - 58 * s, x - 12 * s, y - 58 * s), c(0xA9B5BF));
        fill(g, rect(x - w / 2, y - hw - 3 * s, w / 2 + dx, 3 * s), c(0x5F86A6, 0));
    }

    static void tentCamp(Graphics2D g) {
        sky(g, 0xC2D8E4, 0xF3EBDC, 470);
        Ridge far = ridge(97, -40, 1640, 5, 400, 30, 250, 330, H);
        mountains(g, far, c(0xC4C7C6), c(0xB5B9B9), null, 0, H);
        fill(g, land(H, -20, 430, 300, 390, 620, 420, 980, 380, 1300, 410, 1620, 392), c(0xC7C0AE));
        fill(g, land(H, -20, 470, 400, 448, 800, 466, 1200, 450, 1620, 462), c(0xB9AE92));
        vgrad(g, rect(0, 480, W, 420), 480, c(0xDCD1B8), 900, c(0xD2C3A2));
        Random r = new Random(47);
        for (int i = 0; i < 120; i++) {
            double x = r.nextDouble() * W, y = 490 + r.nextDouble() * 400;
            fill(g, ell(x, y, 3 + (y - 480) * 0.01, 2), c(0xB5A482, 140));
        }
        // rows of tents, back to front
        double[][] rows = {{520, 0.42, 240}, {580, 0.56, 520}, {665, 0.74, 560}, {790, 1.0, 620}};
        for (double[] row : rows) {
            double y = row[0], s = row[1];
            double step = 290 * s;
            line(g, 0, y + 22 * s, W, y + 22 * s - 0, c(0xC9B995), 8 * s);
            for (double x = row[2]; x < W + 60; x += step) tent(g, x, y, s);
        }
        // water tank on its stand, with a tap and jerrycans
        double tx = 250, top = 440, bottom = 660, rx = 150, ry = 30;
        Color steel = c(0x5F88A6);
        for (double lx : new double[] {tx - 120, tx - 40, tx + 40, tx + 120}) fill(g, rect(lx - 7, bottom - 10, 14, 150), c(0x5A6670));
        line(g, tx - 120, bottom + 60, tx + 120, bottom + 110, c(0x5A6670), 5);
        line(g, tx + 120, bottom + 60, tx - 120, bottom + 110, c(0x5A6670), 5);
        fill(g, rect(tx - rx - 10, bottom - 6, rx * 2 + 20, 16), c(0x4E5962));
        Path2D body = new Path2D.Double(rect(tx - rx, top, rx * 2, bottom - top));
        Area tank = new Area(body);
        tank.add(new Area(ell(tx, bottom, rx, ry)));
        hgrad(g, tank, tx - rx, c(0x86A9C2), tx + rx, c(0x4D7594));
        for (double y = top + 50; y < bottom; y += 55) stroke(g, new Arc2D.Double(tx - rx, y - ry, rx * 2, ry * 2, 180, 180, Arc2D.OPEN), c(0x3F6380, 140), 3);
        fill(g, ell(tx, top, rx, ry), c(0xA5C1D4));
        fill(g, ell(tx, top - 4, 40, 9), c(0x6D8EA6));
        for (double y = top + 10; y < bottom + 150; y += 22) line(g, tx + rx + 12, y, tx + rx + 32, y, c(0x4E5962), 4);
        line(g, tx + rx + 12, top, tx + rx + 12, bottom + 150, c(0x4E5962), 4);
        line(g, tx + rx + 32, top, tx + rx + 32, bottom + 150, c(0x4E5962), 4);
        line(g, tx - 20, bottom + 20, tx - 20, bottom + 100, c(0x4E5962), 8);
        line(g, tx - 20, bottom + 100, tx + 60, bottom + 100, c(0x4E5962), 8);
        line(g, tx + 60, bottom + 100, tx + 60, bottom + 118, c(0x4E5962), 8);
        fill(g, rr(tx + 48, bottom + 114, 24, 10, 4), c(0x3A444C));
        for (int k = 0; k < 3; k++) {
            double jx = new double[] {160, 310, 372}[k], jy = 860;
            fill(g, rr(jx - 24, jy - 62, 48, 62, 8), c(0xD9A92E));
            fill(g, rect(jx + 6, jy - 72, 12, 12), c(0x3F6B8C));
            fill(g, rect(jx - 24, jy - 40, 48, 6), c(0xBF9020));
        }
    }

    // ------------------------------------------------------------------ mountain railway

    static void mountainRailway(Graphics2D g) {
        sky(g, 0xAFCCE0, 0xEFEDE4, 480);
        Ridge backRange = ridge(53, -40, 1640, 4, 380, 40, 150, 260, H);
        mountains(g, backRange, c(0x9AAABB), c(0x8495A8), c(0xF8F8F4), 280, H);
        Random r = new Random(59);
        // valley floor with a river
        vgrad(g, rect(0, 500, W, 400), 500, c(0xA8B38C), 900, c(0x8E9C72));
        Path2D river = new Path2D.Double();
        river.moveTo(760, 520);
        river.curveTo(840, 620, 700, 720, 820, 910);
        stroke(g, river, c(0x86B0C2), 30);
        stroke(g, river, c(0xA8CCD9), 10);
        for (int i = 0; i < 40; i++) {
            double x = 500 + r.nextDouble() * 600, y = 560 + r.nextDouble() * 330, s = 0.5 + (y - 500) / 400;
            fill(g, poly(x, y - 40 * s, x + 14 * s, y, x - 14 * s, y), c(0x4F6B48));
        }
        // mountains either side
        Path2D leftM = poly(-10, 900, -10, 170, 120, 120, 250, 160, 380, 290, 520, 480, 640, 700, 720, 900);
        Path2D rightM = poly(1610, 900, 1610, 190, 1480, 140, 1340, 170, 1220, 300, 1110, 470, 990, 700, 900, 900);
        fill(g, leftM, c(0x7E8B72));
        fill(g, poly(120, 120, 250, 160, 380, 290, 520, 480, 640, 700, 720, 900, 400, 900), c(0x6C7962));
        fill(g, rightM, c(0x768469));
        fill(g, poly(1480, 140, 1340, 170, 1220, 300, 1110, 470, 990, 700, 900, 900, 1300, 900), c(0x85927A));
        Random tr = new Random(61);
        for (Path2D m : new Path2D[] {leftM, rightM}) {
            Shape clip = g.getClip();
            g.clip(m);
            for (int i = 0; i < 60; i++) {
                double x = tr.nextDouble() * W, y = 250 + tr.nextDouble() * 650;
                if (!m.contains(x, y)) continue;
                fill(g, poly(x, y - 30, x + 11, y, x - 11, y), c(0x4E6446));
            }
            g.setClip(clip);
        }
        // ledges carrying the line on the mountainsides, then the viaduct
        double deck = 470;
        fill(g, rect(-10, deck, 520, 24), c(0x8C7F6E));
        fill(g, rect(1100, deck, 520, 24), c(0x8C7F6E));
        Area via = new Area(rect(470, deck, 660, 430));
        int arches = 5;
        double span = 660.0 / arches;
        for (int i = 0; i < arches; i++) {
            double ax = 470 + span * i + 16, aw = span - 32;
            Area open = new Area(rect(ax, deck + 60 + aw / 2, aw, 500));
            open.add(new Area(ell(ax + aw / 2, deck + 60 + aw / 2, aw / 2, aw / 2)));
            via.subtract(open);
        }
        fill(g, via, c(0xC2AE8E));
        Shape clip = g.getClip();
        g.clip(via);
        for (double y = deck + 30; y < 900; y += 30) line(g, 470, y, 1130, y, c(0xAE9A7A), 2);
        g.setClip(clip);
        fill(g, rect(460, deck - 6, 680, 14), c(0xA8957A));
        line(g, -10, deck - 6, W + 10, deck - 6, c(0x5C5550), 4);
        // freight train, heading right
        double x = 130, wy = deck - 10;
        Color[] box = {c(0x7D4B32), c(0x8A5A3C)};
        int[] kinds = {0, 1, 2, 0, 1, 2, 3, 1};
        Color[] containers = {c(0x2F6E73), c(0xC9A13E), c(0x5B6F8C), c(0xB5523B)};
        for (int i = 0; i < kinds.length; i++) {
            double L = 150;
            fill(g, rect(x, wy - 16, L, 8), c(0x2E2E30));
            wheelPair(g, x + 26, wy);
            wheelPair(g, x + L - 26, wy);
            switch (kinds[i]) {
                case 0 -> {
                    fill(g, rect(x + 4, wy - 70, L - 8, 54), box[i % 2]);
                    for (double k = x + 16; k < x + L - 8; k += 14) line(g, k, wy - 66, k, wy - 20, c(0x000000, 40), 2);
                    fill(g, rect(x + 60, wy - 62, 30, 44), mix(box[i % 2], Color.BLACK, 0.15));
                }
                case 1 -> {
                    fill(g, rr(x + 4, wy - 62, L - 8, 46, 40), c(0x9AA1A7));
                    fill(g, rect(x + 4, wy - 46, L - 8, 6), c(0x7D858C));
                    fill(g, rect(x + 68, wy - 70, 14, 10), c(0x6E767D));
                }
                case 2 -> {
                    fill(g, rect(x + 4, wy - 66, L - 8, 50), containers[i % containers.length]);
                    for (double k = x + 12; k < x + L - 8; k += 10) line(g, k, wy - 62, k, wy - 20, c(0x000000, 35), 2);
                }
                default -> {
                    fill(g, poly(x + 4, wy - 70, x + L - 4, wy - 70, x + L - 24, wy - 16, x + 24, wy - 16), c(0x5A5F66));
                    fill(g, rect(x + 4, wy - 74, L - 8, 8), c(0x6E747B));
                }
            }
            x += L + 8;
        }
        // locomotive
        double L = 190;
        fill(g, rect(x, wy - 16, L, 8), c(0x2E2E30));
        wheelPair(g, x + 34, wy);
        wheelPair(g, x + L - 34, wy);
        fill(g, poly(x + 4, wy - 84, x + L - 40, wy - 84, x + L - 6, wy - 54, x + L - 4, wy - 16, x + 4, wy - 16), c(0xA23B2E));
        fill(g, rect(x + 4, wy - 40, L - 8, 8), c(0xE5C452));
        fill(g, poly(x + L - 42, wy - 78, x + L - 14, wy - 54, x + L - 42, wy - 54), c(0x35495C));
        fill(g, rect(x + 20, wy - 76, 90, 20), c(0x7E2D22));
        fill(g, ell(x + L - 6, wy - 28, 5, 5), c(0xFFF0C0));
    }

    static void wheelPair(Graphics2D g, double x, double y) {
        fill(g, ell(x - 14, y - 8, 9, 9), c(0x26262A));
        fill(g, ell(x + 14, y - 8, 9, 9), c(0x26262A));
    }

    // ------------------------------------------------------------------ carved balconies

    static void carvedBalconies(Graphics2D g) {
        sky(g, 0xBCD6E6, 0xF2E8D8, 300);
        Random r = new Random(67);
        java.util.function.DoubleUnaryOperator ground = x -> 870 - 0.11 * x;
        Color[] plaster = {c(0xEADCC4), c(0xD9C4A2), c(0xE6CFB6), c(0xCDB899), c(0xE9E0CF)};
        Color wood = c(0x6E4526), woodLight = c(0xA87A52), woodDark = c(0x4A2E18);
        double[] widths = {330, 350, 320, 340, 330};
        double x = -30;
        for (int i = 0; i < widths.length; i++) {
            double w = widths[i];
            double gy = ground.applyAsDouble(x + w / 2);
            double h = 500 + r.nextDouble() * 60;
            double top = gy - h;
            Color col = plaster[i % plaster.length];
            fill(g, rect(x, top, w + 2, h + 80), col);
            fill(g, rect(x + w - 14, top, 16, h + 80), mix(col, c(0x6A5A48), 0.15));
            // eaves and tiled roof
            fill(g, poly(x - 20, top, x + w + 20, top, x + w - 20, top - 40, x + 20, top - 40), c(0xA65A3A));
            for (double k = x + 4; k < x + w - 10; k += 18) line(g, k, top - 4, k + 6, top - 36, c(0x8E4A2E), 2);
            fill(g, rect(x - 20, top, w + 40, 14), woodDark);
            // stone plinth following the slope
            Path2D plinth = poly(x, ground.applyAsDouble(x) - 30, x + w, ground.applyAsDouble(x + w) - 30, x + w, H, x, H);
            fill(g, plinth, mix(col, c(0x8C7A60), 0.35));
            // ground floor: door and window
            double doorX = x + 40 + (i % 2) * (w - 140);
            double dg = ground.applyAsDouble(doorX + 70);
            fill(g, rr(doorX, dg - 160, 70, 170, 12), c(0x5A3A22));
            line(g, doorX + 35, dg - 156, doorX + 35, dg + 8, c(0x3E2714), 2);
            double winX = i % 2 == 0 ? x + w - 130 : x + 40;
            double wg = ground.applyAsDouble(winX + 70);
            fill(g, rect(winX, wg - 170, 70, 80), c(0x4F5B66));
            for (double k = winX + 10; k < winX + 70; k += 14) line(g, k, wg - 170, k, wg - 90, c(0x3A3A3A), 3);
            // projecting balcony (enclosed, carved lattice)
            double bx = x + 50, bw = w - 100, by = top + 70, bh = 190;
            fill(g, rect(bx + 10, by + bh, bw - 20, 16), woodDark);
            for (double k = bx + 20; k < bx + bw - 20; k += (bw - 40) / 3) {
                Path2D corbel = new Path2D.Double();
                corbel.moveTo(k, by + bh + 16);
                corbel.lineTo(k + 44, by + bh + 16);
                corbel.quadTo(k + 16, by + bh + 24, k + 10, by + bh + 66);
                corbel.lineTo(k, by + bh + 66);
                corbel.closePath();
                fill(g, corbel, wood);
            }
            fill(g, rect(bx, by, bw, bh), wood);
            Shape clip = g.getClip();
            for (int pane = 0; pane < 3; pane++) {
                double px = bx + 14 + pane * (bw - 28) / 3.0, pw = (bw - 28) / 3.0 - 10;
                Shape paneShape = rect(px, by + 40, pw, bh - 90);
                fill(g, paneShape, c(0x3B2414));
                g.setClip(clip);
                g.clip(paneShape);
                for (double d = -200; d < 400; d += 16) {
                    line(g, px + d, by + 40, px + d + 200, by + 240, woodLight, 3);
                    line(g, px + d + 200, by + 40, px + d, by + 240, woodLight, 3);
                }
                g.setClip(clip);
                fill(g, rect(px, by + bh - 44, pw, 30), mix(wood, woodLight, 0.35));
                fill(g, ell(px + pw / 2, by + bh - 29, pw * 0.3, 8), woodDark);
            }
            fill(g, rect(bx - 10, by - 20, bw + 20, 24), woodDark);
            for (double k = bx - 6; k < bx + bw + 10; k += 16) fill(g, ell(k, by + 6, 6, 6), wood);
            fill(g, rect(bx, by + bh - 8, bw, 8), woodDark);
            // upper windows beside the balcony
            fill(g, rect(x + 14, by + 60, 26, 70), c(0x4F5B66));
            fill(g, rect(x + w - 44, by + 60, 26, 70), c(0x4F5B66));
            x += w;
        }
        // the sloping street
        Path2D street = new Path2D.Double();
        street.moveTo(-10, ground.applyAsDouble(-10));
        street.lineTo(W + 10, ground.applyAsDouble(W + 10));
        street.lineTo(W + 10, H + 10);
        street.lineTo(-10, H + 10);
        street.closePath();
        fill(g, street, c(0xB8A78C));
        Shape clip = g.getClip();
        g.clip(street);
        for (int k = 0; k < 8; k++) {
            double off = k * 18;
            line(g, -10, ground.applyAsDouble(-10) + off, W + 10, ground.applyAsDouble(W + 10) + off, c(0xA5957A), 2);
        }
        for (int i = 0; i < 120; i++) {
            double sx = r.nextDouble() * W, k = r.nextInt(8);
            double sy = ground.applyAsDouble(sx) + k * 18;
            line(g, sx, sy, sx, sy + 18, c(0xA5957A), 2);
        }
        g.setClip(clip);
        line(g, -10, ground.applyAsDouble(-10), W + 10, ground.applyAsDouble(W + 10), c(0x8E7E64), 4);
    }

    // ------------------------------------------------------------------ lectern with microphones

    static void podiumMicrophones(Graphics2D g) {
        vgrad(g, rect(0, 0, W, 700), 0, c(0x2C4560), 700, c(0x243A50));
        // the backdrop: a plain, empty panel on feet
        Path2D panel = new Path2D.Double(rect(180, 70, 1240, 600));
        vgrad(g, panel, 70, c(0x3F6285), 670, c(0x34547A));
        glow(g, 800, 330, 520, c(0x7E9FC0), 110);
        stroke(g, rect(180, 70, 1240, 600), c(0x2A4462), 6);
        fill(g, rect(0, 700, W, 200), c(0x5D534B));
        fill(g, rect(0, 696, W, 8), c(0x4A423C));
        fill(g, rect(220, 668, 30, 32), c(0x2A4462));
        fill(g, rect(1350, 668, 30, 32), c(0x2A4462));
        fill(g, ell(800, 870, 300, 26), c(0x3E3731, 120));
        // lectern
        double top = 520;
        Path2D front = poly(610, top + 34, 990, top + 34, 950, 870, 650, 870);
        hgrad(g, front, 610, c(0x94694A), 990, c(0x7A5538));
        Path2D inset = poly(664, top + 80, 936, top + 80, 912, 830, 688, 830);
        fill(g, inset, c(0x87603F));
        stroke(g, inset, c(0x6B4A30), 3);
        fill(g, poly(586, top, 1014, top, 1002, top + 36, 598, top + 36), c(0xA87C58));
        fill(g, rect(598, top + 34, 404, 8), c(0x5E422B));
        // microphones gathered in a bunch above the lectern, as at a press conference
        Random r = new Random(71);
        Color[] flags = {c(0xB04A3C), c(0x2F6E9A), c(0xF1EFE8), c(0xD9A33E), c(0x3F7E5A), c(0x6A4C8A), c(0x2B2B2B), c(0xC8683A)};
        int n = 13;
        double[][] mics = new double[n][];
        for (int i = 0; i < n; i++) {
            double t = i / (double) (n - 1);
            double bx = 640 + t * 320 + (r.nextDouble() - 0.5) * 16;
            double a = Math.PI * (0.1 + 0.8 * t);
            double hx = 800 - Math.cos(a) * (80 + r.nextDouble() * 50);
            double hy = 380 - Math.sin(a) * (34 + r.nextDouble() * 40) + r.nextDouble() * 20;
            mics[i] = new double[] {bx, hx, hy, r.nextInt(3), (i * 3) % flags.length};
        }
        // a few cables hanging over the front edge
        for (int k = 0; k < 3; k++) {
            Path2D cable = new Path2D.Double();
            double x0 = 770 + k * 26;
            cable.moveTo(x0, top + 2);
            cable.curveTo(x0 + 6, top + 40, x0 - 30 + k * 20, top + 200, x0 - 40 + k * 30, 872);
            stroke(g, cable, c(0x1E1E22), 3);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (p1, p2) -> Double.compare(mics[p1][2], mics[p2][2]));
        for (int idx : order) {
            double[] m = mics[idx];
            double bx = m[0], hx = m[1], hy = m[2];
            double dx = hx - bx, dy = hy - top, len = Math.hypot(dx, dy), ux = dx / len, uy = dy / len;
            fill(g, rr(bx - 16, top - 10, 32, 12, 4), c(0x2A2A2E));
            line(g, bx, top - 6, bx + ux * 40, top - 6 + uy * 40, c(0x3A3A40), 5);
            line(g, bx + ux * 40, top - 6 + uy * 40, hx, hy, c(0x26262B), 12);
            int kind = (int) m[3];
            if (kind == 0) {
                fill(g, ell(hx + ux * 8, hy + uy * 8, 18, 18), c(0x8E949A));
                stroke(g, ell(hx + ux * 8, hy + uy * 8, 18, 18), c(0x5E6469), 2);
                line(g, hx + ux * 8 - 13, hy + uy * 8, hx + ux * 8 + 13, hy + uy * 8, c(0x6E747A), 1.5);
            } else if (kind == 1) {
                fill(g, ell(hx + ux * 10, hy + uy * 10, 22, 20), c(0x3C3C44));
            } else {
                fill(g, ell(hx + ux * 8, hy + uy * 8, 15, 15), c(0x4C4C54));
            }
            // flag cube on the handle: blank, no logos
            double cx = hx - ux * 44, cy = hy - uy * 44;
            Color fc = flags[(int) m[4]];
            double sz = 38;
            fill(g, rect(cx - sz / 2, cy - sz / 2, sz, sz), fc);
            fill(g, poly(cx - sz / 2, cy - sz / 2, cx + sz / 2, cy - sz / 2, cx + sz / 2 + 12, cy - sz / 2 - 9, cx - sz / 2 + 12, cy - sz / 2 - 9), mix(fc, Color.WHITE, 0.3));
            fill(g, poly(cx + sz / 2, cy - sz / 2, cx + sz / 2 + 12, cy - sz / 2 - 9, cx + sz / 2 + 12, cy + sz / 2 - 9, cx + sz / 2, cy + sz / 2), mix(fc, Color.BLACK, 0.25));
            if (fc.getRed() > 200 && fc.getGreen() > 200) stroke(g, rect(cx - sz / 2, cy - sz / 2, sz, sz), c(0xBDBAB2), 1.5);
        }
    }

    // ------------------------------------------------------------------ negotiating table

    static void negotiatingTable(Graphics2D g) {
        vgrad(g, rect(0, 0, W, 380), 0, c(0xE8E2D6), 380, c(0xDCD4C5));
        for (double x = 60; x < W; x += 240) stroke(g, rect(x, 60, 200, 270), c(0xCFC6B5), 3);
        fill(g, rect(0, 360, W, 20), c(0xC7BBA6));
        vgrad(g, rect(0, 380, W, 520), 380, c(0x8F8170), 900, c(0x7C6E5E));
        double cx = 800, cy = 560, rx = 500, ry = 190;
        fill(g, ell(cx, cy + 40, rx * 1.25, ry * 1.4), c(0x9E8F7C));
        stroke(g, ell(cx, cy + 40, rx * 1.18, ry * 1.32), c(0xB4A590), 4);
        int seats = 8;
        double[] angles = new double[seats];
        for (int i = 0; i < seats; i++) angles[i] = Math.PI * 2 * i / seats + Math.PI / seats;
        // chairs behind the table
        for (double a : angles) if (Math.sin(a) < 0) chair(g, cx + Math.cos(a) * rx * 1.1, cy + Math.sin(a) * ry * 1.1, a);
        // table
        fill(g, ell(cx, cy + 26, rx, ry), c(0x4E3522));
        fill(g, rect(cx - rx, cy, 2 * rx, 26), c(0x4E3522));
        fill(g, ell(cx, cy, rx, ry), c(0x8A5E3C));
        fill(g, ell(cx, cy, rx - 14, ry - 6), c(0x96694A));
        fill(g, ell(cx, cy + 190, 40, 10), c(0x2A2018, 0));
        // folders in the table's plane
        for (int i = 0; i < seats; i++) {
            double a = angles[i];
            AffineTransform t = push(g);
            g.translate(cx, cy);
            g.scale(1, ry / rx);
            g.rotate(a);
            g.translate(rx * 0.72, 0);
            Color fc = i % 2 == 0 ? c(0x2E3B4E) : c(0x5A3A2E);
            fill(g, rr(-60, -80, 120, 160, 10), c(0x000000, 50));
            fill(g, rr(-66, -86, 120, 160, 10), fc);
            fill(g, rect(-66, -86, 120, 10), mix(fc, Color.WHITE, 0.2));
            pop(g, t);
        }
        // glasses, upright, beside each folder
        for (double a : angles) {
            double ga = a + 0.3;
            double gx = cx + Math.cos(ga) * rx * 0.62, gy = cy + Math.sin(ga) * ry * 0.62;
            double s = 0.85 + 0.3 * (gy - cy) / ry;
            fill(g, ell(gx + 6 * s, gy + 2, 18 * s, 6 * s), c(0x000000, 40));
            Path2D glass = poly(gx - 14 * s, gy - 44 * s, gx + 14 * s, gy - 44 * s, gx + 11 * s, gy, gx - 11 * s, gy);
            fill(g, glass, c(0xE6F0F3, 150));
            fill(g, poly(gx - 13 * s, gy - 28 * s, gx + 13 * s, gy - 28 * s, gx + 11 * s, gy, gx - 11 * s, gy), c(0xB9D6E0, 190));
            stroke(g, glass, c(0x9DB4BE), 1.5);
            stroke(g, ell(gx, gy - 44 * s, 14 * s, 4 * s), c(0x9DB4BE), 1.5);
            line(g, gx - 8 * s, gy - 38 * s, gx - 6 * s, gy - 6 * s, c(0xFFFFFF, 180), 2);
        }
        // water carafe in the middle
        Path2D carafe = new Path2D.Double();
        carafe.moveTo(cx - 12, cy - 120);
        carafe.lineTo(cx + 12, cy - 120);
        carafe.lineTo(cx + 14, cy - 90);
        carafe.curveTo(cx + 44, cy - 70, cx + 40, cy - 10, cx + 30, cy);
        carafe.lineTo(cx - 30, cy);
        carafe.curveTo(cx - 40, cy - 10, cx - 44, cy - 70, cx - 14, cy - 90);
        carafe.closePath();
        fill(g, carafe, c(0xE6F0F3, 170));
        Shape tclip = g.getClip();
        g.clip(carafe);
        fill(g, rect(cx - 50, cy - 62, 100, 70), c(0xA9CCD8, 210));
        g.setClip(tclip);
        stroke(g, carafe, c(0x8FA7B3), 2.5);
        line(g, cx - 22, cy - 70, cx - 20, cy - 16, c(0xFFFFFF, 200), 4);
        // chairs in front of the table
        for (double a : angles) if (Math.sin(a) >= 0) chair(g, cx + Math.cos(a) * rx * 1.1, cy + Math.sin(a) * ry * 1.1, a);
    }

    static void chair(Graphics2D g, double x, double y, double a) {
        double s = 0.8 + 0.32 * Math.sin(a);
        boolean front = Math.sin(a) >= 0;
        Color uph = c(0x3E4A5A), frame = c(0x2B2622);
        if (front) {
            // seen from behind: the back of the chair, with legs
            fill(g, rect(x - 38 * s, y + 30 * s, 6 * s, 70 * s), frame);
            fill(g, rect(x + 32 * s, y + 30 * s, 6 * s, 70 * s), frame);
            fill(g, rr(x - 48 * s, y - 120 * s, 96 * s, 150 * s, 24 * s), mix(uph, Color.BLACK, 0.15));
            fill(g, rr(x - 40 * s, y - 110 * s, 80 * s, 130 * s, 20 * s), uph);
        } else {
            fill(g, rr(x - 44 * s, y - 150 * s, 88 * s, 130 * s, 22 * s), uph);
            fill(g, rr(x - 36 * s, y - 140 * s, 72 * s, 110 * s, 18 * s), mix(uph, Color.WHITE, 0.1));
        }
    }

    // ------------------------------------------------------------------ gas pipeline

    static void gasPipeline(Graphics2D g) {
        sky(g, 0xBFD7E5, 0xF3E9D6, 470);
        fill(g, land(H, -20, 430, 300, 400, 700, 440, 1000, 396, 1300, 420, 1620, 390), c(0xB8B2A0));
        fill(g, land(H, -20, 468, 400, 452, 800, 466, 1200, 446, 1620, 462), c(0xA9A486));
        vgrad(g, rect(0, 470, W, 430), 470, c(0xCFC592), 900, c(0xB4AA70));
        Random r = new Random(73);
        for (int i = 0; i < 70; i++) {
            double x = r.nextDouble() * W, y = 480 + Math.pow(r.nextDouble(), 1.3) * 420, s = 0.3 + (y - 470) / 300;
            line(g, x, y, x - 4 * s, y - 10 * s, c(0x9A9358), 1.6 * s);
            line(g, x, y, x, y - 13 * s, c(0x9A9358), 1.6 * s);
            line(g, x, y, x + 4 * s, y - 10 * s, c(0x9A9358), 1.6 * s);
        }
        // pipe: a tapered cylinder from the foreground to the hills, on supports
        double nx = -60, nyT = 640, nyB = 800;  // near end (top, bottom of pipe)
        double fx = 1150, fyT = 470, fyB = 476; // far end
        double nyMid = (nyT + nyB) / 2, fyMid = (fyT + fyB) / 2;
        // shadow on the ground
        fill(g, poly(nx, nyB + 70, fx, fyB + 3, fx, fyB + 5, nx, nyB + 110), c(0x6E6A40, 60));
        // supports: spaced evenly in depth, so closer together towards the hills
        for (int k = 0; k < 16; k++) {
            double z = 1 + k * 0.7;
            double t = 1 - 1 / z;
            double px = nx + (fx - nx) * t;
            double top = nyT + (fyT - nyT) * t, bottom = nyB + (fyB - nyB) * t, d = bottom - top;
            if (px < -40) continue;
            fill(g, rect(px - d * 0.08, bottom - d * 0.1, d * 0.16, d * 0.6), c(0x5E6468));
            fill(g, rect(px - d * 0.3, bottom + d * 0.45, d * 0.6, d * 0.08), c(0x4E5458));
        }
        Color[] bands = {c(0x9EA6AB), c(0xC9D0D3), c(0xB3BBC0), c(0x98A1A7), c(0x7D878E), c(0x67717A)};
        double[] cuts = {0, 0.08, 0.32, 0.55, 0.75, 0.9, 1};
        for (int b = 0; b < bands.length; b++) {
            double a0 = cuts[b], a1 = cuts[b + 1];
            fill(g, poly(nx, nyT + (nyB - nyT) * a0, fx, fyT + (fyB - fyT) * a0, fx, fyT + (fyB - fyT) * a1, nx, nyT + (nyB - nyT) * a1), bands[b]);
        }
        // weld seams
        for (int k = 1; k < 30; k++) {
            double z = 1 + k * 0.35;
            double t = 1 - 1 / z;
            double px = nx + (fx - nx) * t;
            double top = nyT + (fyT - nyT) * t, bottom = nyB + (fyB - nyB) * t;
            if (px < 0) continue;
            stroke(g, new QuadCurve2D.Double(px, top, px + (bottom - top) * 0.12, (top + bottom) / 2, px, bottom), c(0x5E676E, 120), Math.max(1, (bottom - top) * 0.02));
        }
        fill(g, ell(fx, (fyT + fyB) / 2, 2, 3), c(0x67717A));
        // a marker post
        fill(g, rect(420, 700, 8, 90), c(0xE8E3D6));
        fill(g, rect(420, 700, 8, 22), c(0xD4892F));
    }

    // ------------------------------------------------------------------ desk with documents

    static void paper(Graphics2D g, double x, double y, double w, double h, double rot, boolean lines, Random r) {
        AffineTransform t = push(g);
        g.translate(x, y);
        g.rotate(rot);
        fill(g, rect(-w / 2 + 8, -h / 2 + 10, w, h), c(0x3A2514, 50));
        fill(g, rect(-w / 2, -h / 2, w, h), c(0xFBF9F2));
        stroke(g, rect(-w / 2, -h / 2, w, h), c(0xD8D3C6), 1.5);
        if (lines) {
            fill(g, rect(-w / 2 + 40, -h / 2 + 44, w * 0.5, 16), c(0x8A9096));
            double yy = -h / 2 + 90;
            while (yy < h / 2 - 40) {
                int n = 3 + r.nextInt(4);
                for (int k = 0; k < n && yy < h / 2 - 40; k++) {
                    double len = (k == n - 1) ? (w - 80) * (0.3 + r.nextDouble() * 0.5) : w - 80;
                    fill(g, rect(-w / 2 + 40, yy, len, 7), c(0xBFC3C6));
                    yy += 18;
                }
                yy += 16;
            }
        }
        pop(g, t);
    }

    static void deskDocuments(Graphics2D g) {
        fill(g, rect(0, 0, W, H), c(0xA9815B));
        Random r = new Random(79);
        for (int i = 0; i < 26; i++) {
            double y = r.nextDouble() * H;
            Path2D grain = new Path2D.Double();
            grain.moveTo(-10, y);
            grain.curveTo(400, y + (r.nextDouble() - 0.5) * 30, 1200, y + (r.nextDouble() - 0.5) * 30, W + 10, y + (r.nextDouble() - 0.5) * 20);
            stroke(g, grain, r.nextBoolean() ? c(0x9A7350, 150) : c(0xB88F68, 150), 2 + r.nextDouble() * 3);
        }
        // manila folder under the right-hand stack
        AffineTransform t = push(g);
        g.translate(1010, 440);
        g.rotate(0.06);
        fill(g, rr(-250, -300, 520, 650, 10), c(0x3A2514, 50));
        fill(g, rr(-262, -312, 520, 650, 10), c(0xD9B56E));
        fill(g, rr(-262, -340, 180, 50, 10), c(0xD9B56E));
        pop(g, t);
        // stacks of documents
        paper(g, 560, 470, 430, 580, -0.10, false, r);
        paper(g, 570, 460, 430, 580, -0.04, false, r);
        paper(g, 575, 455, 430, 580, 0.03, true, r);
        paper(g, 1010, 460, 420, 560, 0.10, false, r);
        paper(g, 1000, 450, 420, 560, 0.02, true, r);
        // paper clip on the left stack
        AffineTransform t2 = push(g);
        g.translate(640, 128);
        g.rotate(0.03);
        stroke(g, rr(0, 0, 22, 70, 22), c(0x8E9398), 4);
        stroke(g, rr(5, 8, 12, 50, 12), c(0x8E9398), 4);
        pop(g, t2);
        // pen
        AffineTransform t3 = push(g);
        g.translate(800, 790);
        g.rotate(-0.35);
        fill(g, rr(-200, 4, 400, 26, 26), c(0x3A2514, 50));
        fill(g, rr(-210, -10, 380, 24, 24), c(0x1F3550));
        fill(g, poly(166, -8, 215, 2, 166, 12), c(0xC9CCCF));
        fill(g, poly(206, 0, 215, 2, 206, 4), c(0x222222));
        fill(g, rr(-200, -16, 140, 8, 6), c(0xC9CCCF));
        fill(g, rr(-214, -10, 30, 24, 12), c(0xC9CCCF));
        pop(g, t3);
        // cup and saucer
        double cx = 1390, cy = 720;
        fill(g, ell(cx + 12, cy + 14, 140, 140), c(0x3A2514, 50));
        fill(g, ell(cx, cy, 140, 140), c(0xF1EEE6));
        stroke(g, ell(cx, cy, 110, 110), c(0xDCD7CB), 3);
        fill(g, rr(cx + 70, cy - 20, 80, 40, 36), c(0xF7F5EF));
        fill(g, rr(cx + 90, cy - 10, 42, 20, 20), c(0xE6E1D6));
        fill(g, ell(cx, cy, 92, 92), c(0xFAF8F3));
        fill(g, ell(cx, cy, 76, 76), c(0x6B4226));
        fill(g, ell(cx - 20, cy - 22, 22, 14), c(0x8A5A36));
        // corner of a notebook on the left
        AffineTransform t4 = push(g);
        g.translate(150, 780);
        g.rotate(0.2);
        fill(g, rr(-180, -140, 300, 240, 12), c(0x3A2514, 50));
        fill(g, rr(-190, -150, 300, 240, 12), c(0x3D5A4C));
        fill(g, rect(-190, -150, 26, 240), c(0x2F473B));
        pop(g, t4);
    }

    // ------------------------------------------------------------------ banknotes and coins

    static void noteStack(Graphics2D g, double x, double y, double w, double d, double h, Color note) {
        // front face at (x..x+w, y-h..y), top face receding by d (drawn squashed)
        double sk = d * 0.25;
        fill(g, ell(x + w / 2 + 20, y + 6, w * 0.6, 14), c(0x3F3326, 50));
        fill(g, rect(x, y - h, w, h), mix(note, c(0xFFFFFF), 0.35));
        for (double k = y - h + 3; k < y; k += 3.2) line(g, x, k, x + w, k, mix(note, c(0x5A6B52), 0.25), 1);
        fill(g, poly(x, y - h, x + w, y - h, x + w + sk, y - h - d, x + sk, y - h - d), note);
        stroke(g, poly(x + 12 + sk * 0.1, y - h - d * 0.1, x + w - 12, y - h - d * 0.1, x + w - 12 + sk * 0.8, y - h - d * 0.9, x + 12 + sk * 0.9, y - h - d * 0.9), mix(note, c(0x44523C), 0.35), 2);
        fill(g, ell(x + w * 0.72 + sk * 0.5, y - h - d * 0.5, w * 0.1, d * 0.3), mix(note, Color.WHITE, 0.3));
        // paper band
        double bx = x + w * 0.36;
        fill(g, rect(bx, y - h, w * 0.12, h), c(0xE9E2CC));
        fill(g, poly(bx, y - h, bx + w * 0.12, y - h, bx + w * 0.12 + sk, y - h - d, bx + sk, y - h - d), c(0xF2EDDC));
    }

    static void coinStack(Graphics2D g, double x, double y, double r, int n, Color coin) {
        double ry = r * 0.32, t = 7;
        fill(g, ell(x + 10, y + 4, r * 1.2, ry * 1.1), c(0x3F3326, 50));
        for (int i = 0; i < n; i++) {
            double cy = y - i * t;
            fill(g, ell(x, cy, r, ry), mix(coin, Color.BLACK, 0.25));
            fill(g, rect(x - r, cy - t, 2 * r, t), mix(coin, Color.BLACK, 0.12));
            fill(g, ell(x, cy - t, r, ry), coin);
            stroke(g, ell(x, cy - t, r, ry), mix(coin, Color.BLACK, 0.2), 1);
        }
        double top = y - n * t;
        stroke(g, ell(x, top, r * 0.78, ry * 0.78), mix(coin, Color.BLACK, 0.18), 2);
    }

    static void banknotes(Graphics2D g) {
        vgrad(g, rect(0, 0, W, 380), 0, c(0xE9E4DA), 380, c(0xDDD6C8));
        vgrad(g, rect(0, 380, W, 520), 380, c(0xC7B9A2), 900, c(0xB6A68C));
        fill(g, rect(0, 380, W, 6), c(0xB3A48B));
        // receipt lying on the counter
        Random r = new Random(83);
        AffineTransform t = push(g);
        g.translate(1270, 640);
        g.scale(1, 0.42);
        g.rotate(-0.5);
        double rw = 230, rh = 520;
        Path2D receipt = new Path2D.Double();
        receipt.moveTo(-rw / 2, -rh / 2);
        receipt.lineTo(rw / 2, -rh / 2);
        receipt.lineTo(rw / 2, rh / 2);
        for (double x = rw / 2; x > -rw / 2; x -= 20) {
            receipt.lineTo(x - 10, rh / 2 - 12);
            receipt.lineTo(x - 20, rh / 2);
        }
        receipt.closePath();
        fill(g, new Area(receipt).createTransformedArea(AffineTransform.getTranslateInstance(10, 14)), c(0x3F3326, 50));
        fill(g, receipt, c(0xFCFBF7));
        fill(g, rect(-60, -rh / 2 + 30, 120, 14), c(0xA8ADB1));
        for (double y = -rh / 2 + 80; y < rh / 2 - 140; y += 26) {
            fill(g, rect(-rw / 2 + 20, y, 90 + r.nextDouble() * 40, 9), c(0xBFC3C6));
            fill(g, rect(rw / 2 - 60, y, 40, 9), c(0xBFC3C6));
        }
        line(g, -rw / 2 + 20, rh / 2 - 118, rw / 2 - 20, rh / 2 - 118, c(0xA8ADB1), 2);
        fill(g, rect(-rw / 2 + 20, rh / 2 - 98, 80, 14), c(0x8C9196));
        fill(g, rect(rw / 2 - 80, rh / 2 - 98, 60, 14), c(0x8C9196));
        pop(g, t);
        // stacks of notes
        noteStack(g, 220, 560, 330, 90, 130, c(0xB7C6A3));
        noteStack(g, 560, 690, 330, 90, 90, c(0xC9B58C));
        noteStack(g, 240, 830, 330, 90, 70, c(0xA9BFC4));
        // coins
        Color gold = c(0xC9A94F), silver = c(0xB9BEC3);
        coinStack(g, 980, 560, 56, 9, gold);
        coinStack(g, 1060, 660, 48, 6, silver);
        coinStack(g, 940, 760, 60, 4, gold);
        coinStack(g, 1120, 810, 44, 2, silver);
        double[][] loose = {{1220, 850, 40}, {820, 860, 42}};
        for (double[] lc : loose) coinStack(g, lc[0], lc[1], lc[2], 1, lc[0] > 1000 ? gold : silver);
    }

    // ------------------------------------------------------------------ port cranes

    static void container(Graphics2D g, double x, double y, double w, double h, Color col) {
        fill(g, rect(x, y, w, h), col);
        for (double k = x + 8; k < x + w - 4; k += 8) line(g, k, y + 4, k, y + h - 4, mix(col, Color.BLACK, 0.2), 1.5);
        stroke(g, rect(x, y, w, h), mix(col, Color.BLACK, 0.35), 2);
    }

    /** A ship-to-shore crane seen side on: legs on the quay, boom out over the water to the right. */
    static void crane(Graphics2D g, double x, double groundY, double s, Color blue, Color blueDark, Color white) {
        double legH = 420 * s, span = 170 * s, top = groundY - legH;
        double w = 18 * s;
        // legs, portal beam and bracing
        fill(g, rect(x, top, w, legH), blue);
        fill(g, rect(x + span, top, w, legH), blueDark);
        fill(g, rect(x - 6 * s, top + 230 * s, span + w + 12 * s, 14 * s), blue);
        line(g, x + w / 2, top + 30 * s, x + span + w / 2, top + 226 * s, blueDark, 6 * s);
        line(g, x + span + w / 2, top + 30 * s, x + w / 2, top + 226 * s, blueDark, 6 * s);
        fill(g, rect(x - 14 * s, groundY - 16 * s, w + 28 * s, 16 * s), blueDark);
        fill(g, rect(x + span - 14 * s, groundY - 16 * s, w + 28 * s, 16 * s), blueDark);
        // the boom: a long girder from the backreach over the legs and far out over the ship
        double by = top - 24 * s, bl = x - 150 * s, br = x + span + 560 * s;
        fill(g, rect(bl, by, br - bl, 26 * s), blue);
        for (double k = bl + 20 * s; k < br; k += 36 * s) line(g, k, by + 4 * s, k + 18 * s, by + 22 * s, blueDark, 2.5 * s);
        // A-frame apex above the legs with forestays to the boom tip
        double ax = x + span * 0.5 + w / 2, ay = top - 170 * s;
        line(g, x + w / 2, by, ax, ay, blue, 10 * s);
        line(g, x + span + w / 2, by, ax, ay, blueDark, 10 * s);
        line(g, ax, ay, br - 10 * s, by, blueDark, 4 * s);
        line(g, ax, ay, x + span + 250 * s, by, blueDark, 4 * s);
        line(g, ax, ay, bl + 10 * s, by, blueDark, 4 * s);
        // machinery house on the backreach, operator cab under the boom
        fill(g, rect(bl - 10 * s, by - 54 * s, 130 * s, 54 * s), white);
        fill(g, rect(bl - 10 * s, by - 54 * s, 130 * s, 9 * s), mix(white, Color.BLACK, 0.12));
        double tx = x + span + 300 * s;
        fill(g, rect(tx, by + 26 * s, 56 * s, 30 * s), white);
        fill(g, rect(tx + 8 * s, by + 56 * s, 36 * s, 26 * s), white);
        fill(g, rect(tx + 12 * s, by + 60 * s, 28 * s, 12 * s), c(0x35495C));
        line(g, tx + 6 * s, by + 56 * s, tx + 6 * s, by + 250 * s, c(0x333333), 2);
        line(g, tx + 50 * s, by + 56 * s, tx + 50 * s, by + 250 * s, c(0x333333), 2);
        fill(g, rect(tx - 30 * s, by + 250 * s, 116 * s, 12 * s), c(0xD9A441));
    }

    static void portCranes(Graphics2D g) {
        sky(g, 0xBCD7E6, 0xF3E9D8, 520);
        glow(g, 1400, 180, 260, c(0xFFF5DC), 160);
        vgrad(g, rect(0, 600, W, 300), 600, c(0x6F9DB1), 900, c(0x3F6D84));
        fill(g, land(H, -20, 560, 300, 540, 600, 556, 1000, 536, 1620, 550), c(0xAFB9B6));
        vgrad(g, rect(0, 590, W, 20), 590, c(0x8CAFC0), 610, c(0x6F9DB1));
        Random r = new Random(89);
        Color[] cols = {c(0xB5523B), c(0x2F6E73), c(0xD9A441), c(0x5B6F8C), c(0x8C8C8C), c(0x6F8F4E), c(0x9A4B5A), c(0xE2DED5)};
        // ship at the quay: hull in the water on the right
        double sx0 = 720, sx1 = 1640, deck = 640;
        fill(g, poly(sx0, deck, sx1, deck, sx1, 760, sx0 + 40, 760), c(0x23374A));
        fill(g, rect(sx0, 740, sx1 - sx0, 20), c(0x9A3A30));
        fill(g, rect(sx0, deck, sx1 - sx0, 8), c(0xE8E6E0));
        for (int col = 0; col < 15; col++) {
            int hgt = 3 + r.nextInt(3);
            for (int k = 0; k < hgt; k++) container(g, sx0 + 140 + col * 56, deck - (k + 1) * 40, 54, 38, cols[r.nextInt(cols.length)]);
        }
        fill(g, rect(sx0 + 20, deck - 210, 100, 210), c(0xF1EFEA));
        for (int k = 0; k < 5; k++) fill(g, rect(sx0 + 30, deck - 196 + k * 38, 80, 12), c(0x35495C));
        fill(g, rect(sx0 + 60, deck - 250, 30, 40), c(0x2B3A48));
        // quay
        fill(g, rect(-10, 700, sx0 + 30, 200), c(0xA9A59C));
        fill(g, rect(-10, 700, sx0 + 30, 10), c(0xC7C3BA));
        fill(g, rect(-10, 760, W + 20, 140), c(0, 0));
        vgrad(g, poly(sx0 + 20, 760, W + 10, 760, W + 10, 900, sx0 + 20, 900), 760, c(0x4F7E94), 900, c(0x3A667C));
        fill(g, rect(-10, 760, sx0 + 30, 140), c(0x9B978D));
        fill(g, rect(sx0 + 14, 700, 8, 200), c(0x6E6A62));
        // cranes: one further along the quay (smaller, paler), one close by
        crane(g, 330, 690, 0.72, c(0x7FA3BE), c(0x6F93AE), c(0xF4F3EF));
        crane(g, 430, 740, 1.0, c(0x2F6E9A), c(0x245676), c(0xF1EFEA));
        // yard stacks in the foreground
        for (int col = 0; col < 5; col++) {
            int hgt = 2 + r.nextInt(3);
            for (int k = 0; k < hgt; k++) container(g, -20 + col * 150, 880 - (k + 1) * 58, 148, 56, cols[r.nextInt(cols.length)]);
        }
    }
}
