package cn.foi.query.letter;

import cn.foi.events.letter.LetterTemplate;
import cn.foi.query.report.WordText;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A letter as Word prints it, in the layout of the official documents (GB/T 9704): the title in 小标宋 二号 centred,
 * the case number under it, the body in 仿宋 三号 with a two-character first-line indent (the salutation flush left),
 * and the agency and date at the foot on the right, where the seal goes.
 */
public final class LetterDocument {

    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final int TITLE_POINTS = 22;
    private static final int BODY_POINTS = 16;
    /** Two characters of 三号 (16 pt) in twentieths of a point. */
    private static final int INDENT_TWIPS = 2 * BODY_POINTS * 20;

    private LetterDocument() {
    }

    /** What the letter prints beside its text: who writes it, its number, its date, and the template's version. */
    public record Letterhead(String agencyName, String caseNumber, String date, int templateVersion, String requestId) {
    }

    public static byte[] docx(LetterTemplate.Filled letter, Letterhead head) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            WordText.defaultFonts(document, BODY_FONT);
            pageOfficialDocument(document);
            var properties = document.getProperties().getCoreProperties();
            properties.setTitle(letter.title());
            properties.setCreator(head.agencyName());
            // where it came from, for whoever finds the file later: not printed
            properties.setDescription("申请 " + head.requestId() + "；" + (head.templateVersion() < 0 ? "未保存的文书模板（预览）"
                                                                           : "文书模板第 " + head.templateVersion() + " 版"));

            XWPFParagraph title = document.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            WordText.run(title, letter.title(), TITLE_FONT, TITLE_POINTS, false);
            if (head.caseNumber() != null) {
                XWPFParagraph number = document.createParagraph();
                number.setAlignment(ParagraphAlignment.CENTER);
                WordText.run(number, head.caseNumber(), BODY_FONT, BODY_POINTS, false);
            }
            document.createParagraph();
            boolean first = true;
            for (String text : letter.paragraphs()) {
                XWPFParagraph paragraph = body(document);
                boolean salutation = first && (text.endsWith("：") || text.endsWith(":"));
                if (!salutation) {
                    paragraph.setIndentationFirstLine(INDENT_TWIPS);
                }
                WordText.run(paragraph, text, BODY_FONT, BODY_POINTS, false);
                first = false;
            }
            document.createParagraph();
            for (String line : new String[]{head.agencyName(), head.date()}) {
                XWPFParagraph signature = body(document);
                signature.setAlignment(ParagraphAlignment.RIGHT);
                signature.setIndentationRight(INDENT_TWIPS * 2);
                WordText.run(signature, line, BODY_FONT, BODY_POINTS, false);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A4, with GB/T 9704's margins: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (in twentieths of a point). */
    private static void pageOfficialDocument(XWPFDocument document) {
        var section = document.getDocument().getBody().isSetSectPr() ? document.getDocument().getBody().getSectPr()
                                                                     : document.getDocument().getBody().addNewSectPr();
        var size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(java.math.BigInteger.valueOf(11906));
        size.setH(java.math.BigInteger.valueOf(16838));
        var margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(java.math.BigInteger.valueOf(twips(37)));
        margins.setBottom(java.math.BigInteger.valueOf(twips(35)));
        margins.setLeft(java.math.BigInteger.valueOf(twips(28)));
        margins.setRight(java.math.BigInteger.valueOf(twips(26)));
    }

    private static long twips(int millimetres) {
        return Math.round(millimetres / 25.4 * 1440);
    }

    private static XWPFParagraph body(XWPFDocument document) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setSpacingBetween(28, LineSpacingRule.EXACT);
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        return paragraph;
    }
}
