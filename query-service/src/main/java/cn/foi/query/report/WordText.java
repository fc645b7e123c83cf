package cn.foi.query.report;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;

/**
 * How the engine's Word documents (the annual report, the letters) write Chinese text: a Chinese font for the
 * characters, Times New Roman for Latin letters and digits, as official documents print them.
 */
public final class WordText {

    private static final String LATIN_FONT = "Times New Roman";

    private WordText() {
    }

    /** The document's default fonts: {@code chineseFont} for Chinese, Times New Roman for the rest. */
    public static void defaultFonts(XWPFDocument document, String chineseFont) {
        CTFonts defaults = CTFonts.Factory.newInstance();
        defaults.setEastAsia(chineseFont);
        defaults.setAscii(LATIN_FONT);
        defaults.setHAnsi(LATIN_FONT);
        document.createStyles().setDefaultFonts(defaults);
    }

    /** A run of text in {@code font} (Chinese) at {@code points}. */
    public static void run(XWPFParagraph paragraph, String text, String font, int points, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(points);
        run.setBold(bold);
    }
}
