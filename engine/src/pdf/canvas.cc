#include "canvas.h"

// PoDoFo 0.9.8 comes in through pkg-config's imported target, whose include
// directories are SYSTEM: its own warnings do not reach -Werror.
#include <podofo/podofo.h>

#include <array>
#include <cmath>
#include <fstream>
#include <numbers>
#include <unordered_map>

#include "text.h"

namespace clef::pdf {
namespace {

namespace podofo = PoDoFo;

const char* const kFontFiles[] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};

podofo::PdfString utf8(const std::string& s) {
  return podofo::PdfString(reinterpret_cast<const podofo::pdf_utf8*>(s.c_str()));
}

[[noreturn]] void rethrow(const podofo::PdfError& e, const char* during) {
  throw Error(std::string("PDF: PoDoFo failed while ") + during + " (" +
              podofo::PdfError::ErrorName(e.GetError()) + ")");
}

struct Font {
  podofo::PdfFont* face = nullptr;  // owned by the document
  // Advance widths per point of font size, filled on first use.
  mutable std::unordered_map<char32_t, double> widths;
  double ascent = 0, descent = 0;

  double advance(char32_t c) const {
    auto it = widths.find(c);
    if (it != widths.end()) return it->second;
    // UnicodeCharWidth is what PdfFontMetrics::StringWidth sums for a Unicode
    // PdfString; at size 1000 it gives thousandths of an em without rounding.
    face->SetFontSize(1000.0f);
    double w = face->GetFontMetrics()->UnicodeCharWidth(static_cast<unsigned short>(c)) / 1000.0;
    widths.emplace(c, w);
    return w;
  }
};

}  // namespace

struct Canvas::Impl {
  podofo::PdfMemDocument document;
  std::array<Font, 2> fonts;
  std::unique_ptr<podofo::PdfExtGState> translucent;  // one per opacity in use
  double translucent_opacity = -1;

  const Font& font(FontId id) const { return fonts[static_cast<size_t>(id)]; }

  void paint(podofo::PdfPainter& painter, const TextOp& op) {
    podofo::PdfFont* face = font(op.font).face;
    face->SetFontSize(static_cast<float>(op.size));
    painter.SetFont(face);
    bool transformed = op.angle != 0 || op.opacity < 1;
    if (transformed) painter.Save();
    if (op.opacity < 1) {
      if (!translucent || translucent_opacity != op.opacity) {
        translucent = std::make_unique<podofo::PdfExtGState>(&document);
        translucent->SetFillOpacity(static_cast<float>(op.opacity));
        translucent_opacity = op.opacity;
      }
      painter.SetExtGState(translucent.get());
    }
    painter.SetColor(op.colour.r, op.colour.g, op.colour.b);
    if (op.angle != 0) {
      double a = op.angle * std::numbers::pi / 180;
      painter.SetTransformationMatrix(std::cos(a), std::sin(a), -std::sin(a), std::cos(a), op.x,
                                      op.y);
      painter.DrawText(0, 0, utf8(op.text));
    } else {
      painter.DrawText(op.x, op.y, utf8(op.text));
    }
    if (transformed) painter.Restore();
  }

  static void paint(podofo::PdfPainter& painter, const RectOp& op) {
    if (op.fill) painter.SetColor(op.fill->r, op.fill->g, op.fill->b);
    if (op.stroke) {
      painter.SetStrokingColor(op.stroke->r, op.stroke->g, op.stroke->b);
      painter.SetStrokeWidth(op.line_width);
    }
    painter.Rectangle(op.x, op.y, op.w, op.h, op.radius, op.radius);
    if (op.fill && op.stroke)
      painter.FillAndStroke();
    else if (op.fill)
      painter.Fill();
    else
      painter.Stroke();
  }

  static void paint(podofo::PdfPainter& painter, const LineOp& op) {
    painter.SetStrokingColor(op.colour.r, op.colour.g, op.colour.b);
    painter.SetStrokeWidth(op.line_width);
    painter.DrawLine(op.x1, op.y1, op.x2, op.y2);
  }
};

Canvas::Canvas(const std::string& font_dir) : impl_(std::make_unique<Impl>()) {
  for (size_t i = 0; i < impl_->fonts.size(); ++i) {
    std::string path = font_dir + "/" + kFontFiles[i];
    if (!std::ifstream(path, std::ios::binary)) throw Error("PDF: cannot read font " + path);
    bool bold = static_cast<FontId>(i) == FontId::bold;
    try {
      // Identity-H: one glyph id per UTF-16 unit, so every script the font
      // covers survives (a WinAnsi font silently drops "ễ" and "ơ"). The font
      // takes ownership of its encoding. The subset (with a deterministic
      // AAAAAA+ prefix) is built from the glyphs drawn, on Write.
      auto* encoding = new podofo::PdfIdentityEncoding(0, 0xFFFF, true);
      podofo::PdfFont* face = impl_->document.CreateFontSubset(
          bold ? "DejaVu Sans Bold" : "DejaVu Sans", bold, false, false, encoding, path.c_str());
      if (!face) throw Error("PDF: cannot load font " + path);
      Font& font = impl_->fonts[i];
      font.face = face;
      font.ascent = face->GetFontMetrics()->GetPdfAscent() / 1000.0;
      font.descent = -face->GetFontMetrics()->GetPdfDescent() / 1000.0;
    } catch (const podofo::PdfError& e) {
      rethrow(e, ("loading font " + path).c_str());
    }
  }
}

Canvas::~Canvas() = default;

double Canvas::width(FontId font, std::u32string_view text, double size) const {
  const Font& f = impl_->font(font);
  double em = 0;
  for (char32_t c : text) em += f.advance(c);
  return em * size;
}

double Canvas::ascent(FontId font) const {
  return impl_->font(font).ascent;
}
double Canvas::descent(FontId font) const {
  return impl_->font(font).descent;
}

std::string Canvas::write(const std::vector<std::vector<Op>>& pages, const DocumentInfo& info) {
  podofo::PdfMemDocument& doc = impl_->document;
  try {
    // 1.4 for the watermark's fill opacity.
    doc.SetPdfVersion(podofo::ePdfVersion_1_4);
    doc.SetWriteMode(podofo::ePdfWriteMode_Compact);
    for (const auto& ops : pages) {
      podofo::PdfPage* page =
          doc.CreatePage(podofo::PdfPage::CreateStandardPageSize(podofo::ePdfPageSize_A4));
      podofo::PdfPainter painter;
      painter.SetPage(page);
      for (const Op& op : ops) std::visit([&](const auto& o) { impl_->paint(painter, o); }, op);
      painter.FinishPage();
    }

    // A new PdfMemDocument stamps /CreationDate with the current time; the
    // writer derives the trailer /ID from an MD5 of the info dictionary
    // (PdfWriter::CreateFileIdentifier). Fixed dates, producer and strings
    // make both, and so the whole file, depend only on what was drawn.
    podofo::PdfInfo* pdf_info = doc.GetInfo();
    if (!info.title.empty()) pdf_info->SetTitle(utf8(info.title));
    if (!info.author.empty()) pdf_info->SetAuthor(utf8(info.author));
    if (!info.subject.empty()) pdf_info->SetSubject(utf8(info.subject));
    if (!info.keywords.empty()) pdf_info->SetKeywords(utf8(info.keywords));
    pdf_info->SetCreator(podofo::PdfString("clef " CLEF_VERSION));
    pdf_info->SetProducer(
        podofo::PdfString("clef " CLEF_VERSION " with PoDoFo " PODOFO_VERSION_STRING));
    pdf_info->SetCustomKey(podofo::PdfName("CreationDate"), podofo::PdfString(info.date));
    pdf_info->SetCustomKey(podofo::PdfName("ModDate"), podofo::PdfString(info.date));

    podofo::PdfRefCountedBuffer buffer;
    podofo::PdfOutputDevice device(&buffer);
    doc.Write(&device);
    return std::string(buffer.GetBuffer(), device.GetLength());
  } catch (const podofo::PdfError& e) {
    rethrow(e, "writing the document");
  }
}

}  // namespace clef::pdf
