#include "canvas.h"

// PoDoFo 0.9.8 comes in through pkg-config's imported target, whose include
// directories are SYSTEM: its own warnings do not reach -Werror.
#include <podofo/podofo.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <charconv>
#include <cmath>
#include <fstream>
#include <memory>
#include <numbers>
#include <unordered_map>
#include <unordered_set>

#include "bidi.h"
#include "deflate.h"
#include "font.h"
#include "text.h"
#include "ttf_compact.h"

namespace clef::pdf {
namespace {

const char* const kFontFiles[] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};

// A text string of the document information. PoDoFo 0.9.8's UTF-8
// conversion (PdfString::InitFromUtf8) overflows its buffer on invalid
// UTF-8 and stops at a NUL: it only ever gets clean_utf8's output, with its
// length.
podofo::PdfString utf8(const std::string& clean) {
  return podofo::PdfString(reinterpret_cast<const podofo::pdf_utf8*>(clean.data()),
                           static_cast<podofo::pdf_long>(clean.size()));
}

[[noreturn]] void rethrow(const podofo::PdfError& e, const char* during) {
  throw Error(std::string("PDF: PoDoFo failed while ") + during + " (" +
              podofo::PdfError::ErrorName(e.GetError()) + ")");
}

}  // namespace

struct Canvas::Impl {
  podofo::PdfMemDocument document;
  std::vector<DocumentFont> fonts;                    // by FontId
  std::unique_ptr<podofo::PdfExtGState> translucent;  // one per opacity in use
  double translucent_opacity = -1;
  std::vector<char32_t> missing;  // characters without a glyph, in order of first use
  std::unordered_set<char32_t> missing_set;

  void note_missing(char32_t c) {
    if (missing_set.insert(c).second) missing.push_back(c);
  }

  const DocumentFont& font(FontId id) const { return fonts[static_cast<size_t>(id)]; }

  // ---- page content, written directly: PoDoFo's painter formats every
  // number through iostreams and re-encodes every string, which cost more
  // than the rest of a report.

  struct Content {
    std::string out;
    bool fonts_used[2] = {false, false};
    bool translucent_used = false;
    // Text state and fill colour persist across BT/ET (they are graphics
    // state): set them again only when they change. Rectangles, lines and
    // rotated text change them inside q…Q only, which restores them.
    int font = -1;
    double size = -1;
    std::optional<Rgb> fill;

    Content& num(double v) {
      char buf[32];
      if (std::fabs(v) < 0.0005) v = 0;
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
      // 12.500 -> 12.5, 3.000 -> 3: shorter streams, same drawing.
      char* p = end;
      while (p > buf && p[-1] == '0') --p;
      if (p > buf && p[-1] == '.') --p;
      out.append(buf, p);
      out += ' ';
      return *this;
    }
    Content& op(std::string_view o) {
      out += o;
      out += '\n';
      return *this;
    }
    Content& rgb(const Rgb& c, std::string_view o) { return num(c.r).num(c.g).num(c.b).op(o); }
  };

  void paint(Content& c, const TextOp& op) {
    DocumentFont& f = fonts[static_cast<size_t>(op.font)];
    c.fonts_used[static_cast<size_t>(op.font)] = true;
    bool transformed = op.angle != 0 || op.opacity < 1;
    if (transformed) c.op("q");
    if (op.opacity < 1) {
      if (!translucent || translucent_opacity != op.opacity) {
        translucent = std::make_unique<podofo::PdfExtGState>(&document);
        translucent->SetFillOpacity(static_cast<float>(op.opacity));
        translucent_opacity = op.opacity;
      }
      c.translucent_used = true;
      c.out += "/" + translucent->GetIdentifier().GetName() + " gs\n";
    }
    if (op.angle != 0) {
      double a = op.angle * std::numbers::pi / 180;
      c.num(std::cos(a))
          .num(std::sin(a))
          .num(-std::sin(a))
          .num(std::cos(a))
          .num(op.x)
          .num(op.y)
          .op("cm");
    }
    c.op("BT");
    int font_index = static_cast<int>(op.font);
    if (transformed || c.font != font_index || c.size != op.size) {
      c.out += "/" + f.resource() + " ";
      c.num(op.size).op("Tf");
      if (!transformed) c.font = font_index, c.size = op.size;
    }
    if (transformed || c.fill != op.colour) {
      c.rgb(op.colour, "rg");
      if (!transformed) c.fill = op.colour;
    }
    if (op.angle != 0)
      c.op("0 0 Td");
    else
      c.num(op.x).num(op.y).op("Td");
    // A literal string of big-endian glyph ids: half the bytes of hex, so
    // half the deflating; only \\, ( and ) need escaping (PDF 32000 §7.3.4.2),
    // and \r, which a reader would take for a line end.
    c.out += '(';
    auto put = [&c](uint8_t b) {
      if (b == '\\' || b == '(' || b == ')') {
        c.out += '\\';
        c.out += static_cast<char>(b);
      } else if (b == '\r') {
        c.out += "\\r";
      } else {
        c.out += static_cast<char>(b);
      }
    };
    auto draw = [&](char32_t ch, char32_t glyph_of) {
      size_t known = f.size();
      uint16_t code = f.code(ch, glyph_of);
      // A character's first use in this font is when its glyph is looked at.
      if (f.size() != known && f.face().glyph(glyph_of).id == 0) note_missing(ch);
      put(static_cast<uint8_t>(code >> 8));
      put(static_cast<uint8_t>(code & 0xFF));
    };
    const std::u32string line = decode_utf8(op.text);
    if (!needs_reordering(line)) {
      for (char32_t ch : line) draw(ch, ch);
    } else {
      const VisualLine visual = visual_order(line);
      for (size_t i = 0; i < visual.text.size(); ++i) draw(visual.text[i], visual.glyphs[i]);
    }
    c.op(") Tj").op("ET");
    if (transformed) c.op("Q");
  }

  static void paint(Content& c, const RectOp& op) {
    c.op("q");
    if (op.fill) c.rgb(*op.fill, "rg");
    if (op.stroke) c.rgb(*op.stroke, "RG").num(op.line_width).op("w");
    double r = std::min({op.radius, op.w / 2, op.h / 2});
    if (r <= 0) {
      c.num(op.x).num(op.y).num(op.w).num(op.h).op("re");
    } else {
      // Rounded corners as cubic Béziers (k: the usual quarter-circle constant).
      const double k = 0.5523 * r, x0 = op.x, y0 = op.y, x1 = op.x + op.w, y1 = op.y + op.h;
      c.num(x0 + r).num(y0).op("m");
      c.num(x1 - r).num(y0).op("l");
      c.num(x1 - r + k).num(y0).num(x1).num(y0 + r - k).num(x1).num(y0 + r).op("c");
      c.num(x1).num(y1 - r).op("l");
      c.num(x1).num(y1 - r + k).num(x1 - r + k).num(y1).num(x1 - r).num(y1).op("c");
      c.num(x0 + r).num(y1).op("l");
      c.num(x0 + r - k).num(y1).num(x0).num(y1 - r + k).num(x0).num(y1 - r).op("c");
      c.num(x0).num(y0 + r).op("l");
      c.num(x0).num(y0 + r - k).num(x0 + r - k).num(y0).num(x0 + r).num(y0).op("c");
      c.op("h");
    }
    c.op(op.fill && op.stroke ? "B" : op.fill ? "f" : "S");
    c.op("Q");
  }

  static void paint(Content& c, const LineOp& op) {
    c.op("q").rgb(op.colour, "RG").num(op.line_width).op("w");
    c.num(op.x1).num(op.y1).op("m").num(op.x2).num(op.y2).op("l").op("S").op("Q");
  }

  // The page's /Resources: the fonts and the graphics state its content names.
  void resources(podofo::PdfPage* page, const Content& c) {
    podofo::PdfDictionary& res = page->GetResources()->GetDictionary();
    podofo::PdfDictionary font_dict;
    for (size_t i = 0; i < fonts.size(); ++i)
      if (c.fonts_used[i])
        font_dict.AddKey(podofo::PdfName(fonts[i].resource()),
                         fonts[i].object(document.GetObjects())->Reference());
    if (!font_dict.GetKeys().empty()) res.AddKey("Font", font_dict);
    if (c.translucent_used) {
      podofo::PdfDictionary gs;
      gs.AddKey(translucent->GetIdentifier(), translucent->GetObject()->Reference());
      res.AddKey("ExtGState", gs);
    }
  }
};

Canvas::Canvas(const std::string& font_dir) : impl_(std::make_unique<Impl>()) {
  // Identity-H with one code per character drawn, so every script the font
  // covers survives (a WinAnsi font silently drops "ễ" and "ơ").
  for (size_t i = 0; i < std::size(kFontFiles); ++i)
    impl_->fonts.emplace_back(Face::load(font_dir + "/" + kFontFiles[i]),
                              "F" + std::to_string(i + 1));
}

Canvas::~Canvas() = default;

double Canvas::width(FontId font, std::u32string_view text, double size) const {
  Face& face = impl_->font(font).face();
  double em = 0;
  for (char32_t c : text) em += face.glyph(c).width;
  return em * size;
}

double Canvas::advance(FontId font, char32_t c) const {
  return impl_->font(font).face().glyph(c).width;
}

const std::vector<char32_t>& Canvas::missing_glyphs() const {
  return impl_->missing;
}

double Canvas::ascent(FontId font) const {
  return impl_->font(font).face().ascent();
}
double Canvas::descent(FontId font) const {
  return impl_->font(font).face().descent();
}

std::string Canvas::write(const std::vector<std::vector<Op>>& pages, const DocumentInfo& info) {
  podofo::PdfMemDocument& doc = impl_->document;
  try {
    // 1.4 for the watermark's fill opacity.
    doc.SetPdfVersion(podofo::ePdfVersion_1_4);
    doc.SetWriteMode(podofo::ePdfWriteMode_Compact);
    // The pages go into the page tree all at once: PoDoFo's CreatePage walks
    // and copies the tree's /Kids for every page it adds (3,000 pages took
    // 9 s in it alone).
    const podofo::PdfRect a4 = podofo::PdfPage::CreateStandardPageSize(podofo::ePdfPageSize_A4);
    std::vector<std::unique_ptr<podofo::PdfPage>> made;  // wrappers; the document owns the objects
    std::vector<podofo::PdfObject*> page_objects;
    made.reserve(pages.size());
    page_objects.reserve(pages.size());
    for (const auto& ops : pages) {
      auto page = std::make_unique<podofo::PdfPage>(a4, &doc);
      Impl::Content content;
      for (const Op& op : ops) std::visit([&](const auto& o) { impl_->paint(content, o); }, op);
      impl_->resources(page.get(), content);
      set_deflated(*page->GetContents(), content.out);
      page_objects.push_back(page->GetObject());
      made.push_back(std::move(page));
    }
    doc.GetPagesTree()->InsertPages(-1, page_objects);

    // A new PdfMemDocument stamps /CreationDate with the current time; the
    // writer derives the trailer /ID from an MD5 of the info dictionary
    // (PdfWriter::CreateFileIdentifier). Fixed dates, producer and strings
    // make both, and so the whole file, depend only on what was drawn.
    podofo::PdfInfo* pdf_info = doc.GetInfo();
    const std::string title = clean_utf8(info.title), author = clean_utf8(info.author),
                      subject = clean_utf8(info.subject), keywords = clean_utf8(info.keywords);
    if (!title.empty()) pdf_info->SetTitle(utf8(title));
    if (!author.empty()) pdf_info->SetAuthor(utf8(author));
    if (!subject.empty()) pdf_info->SetSubject(utf8(subject));
    if (!keywords.empty()) pdf_info->SetKeywords(utf8(keywords));
    pdf_info->SetCreator(podofo::PdfString("clef " CLEF_VERSION));
    pdf_info->SetProducer(
        podofo::PdfString("clef " CLEF_VERSION " with PoDoFo " PODOFO_VERSION_STRING));
    pdf_info->SetCustomKey(podofo::PdfName("CreationDate"), podofo::PdfString(info.date));
    pdf_info->SetCustomKey(podofo::PdfName("ModDate"), podofo::PdfString(info.date));

    // The fonts last: their subsets hold what every page drew.
    for (DocumentFont& font : impl_->fonts) font.write(doc.GetObjects());

    podofo::PdfRefCountedBuffer buffer;
    podofo::PdfOutputDevice device(&buffer);
    doc.Write(&device);
    return std::string(buffer.GetBuffer(), device.GetLength());
  } catch (const podofo::PdfError& e) {
    rethrow(e, "writing the document");
  }
}

}  // namespace clef::pdf
