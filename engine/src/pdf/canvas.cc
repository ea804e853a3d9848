#include "canvas.h"

// PoDoFo 0.9.8 comes in through pkg-config's imported target, whose include
// directories are SYSTEM: its own warnings do not reach -Werror.
#include <podofo/podofo.h>
#include <libdeflate.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <memory>
#include <mutex>
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
  // Made outside PoDoFo's font cache, so ours to delete — before the document,
  // whose FreeType library the face uses.
  std::unique_ptr<podofo::PdfFont> owner;
  podofo::PdfFont* face = nullptr;
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

// The font files, read once per thread: loading a TrueType file through
// PoDoFo costs ~3 ms, more than drawing a whole report, and copying its
// 700 KB per document costs page faults. Each document gets its own FreeType
// face and metrics over this shared, reference-counted (not thread-safe, hence
// per thread) buffer, which nothing writes to.
const podofo::PdfRefCountedBuffer& font_bytes(const std::string& path) {
  thread_local std::unordered_map<std::string, podofo::PdfRefCountedBuffer> cache;
  auto it = cache.find(path);
  if (it != cache.end()) return it->second;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("PDF: cannot read font " + path);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.empty()) throw Error("PDF: cannot read font " + path);
  podofo::PdfRefCountedBuffer buffer(bytes.size());
  std::copy(bytes.begin(), bytes.end(), buffer.GetBuffer());
  return cache.emplace(path, buffer).first->second;
}

// PoDoFo deflates every stream with zlib at its default level, which took
// half the time of a report. Streams are written plain (set once per process,
// before any stream exists) and deflated in write() by libdeflate at level 6:
// the same zlib format and about the same size, several times faster.
void plain_streams() {
  static std::once_flag once;
  std::call_once(once, [] { podofo::PdfStream::eDefaultFilter = podofo::ePdfFilter_None; });
}

void deflate_streams(podofo::PdfVecObjects& objects) {
  struct Compressor {
    libdeflate_compressor* c = libdeflate_alloc_compressor(3);
    ~Compressor() { libdeflate_free_compressor(c); }
  };
  thread_local Compressor compressor;
  if (!compressor.c) throw Error("PDF: cannot allocate a compressor");
  std::string packed;
  for (podofo::PdfObject* object : objects) {
    if (!object->HasStream() || object->GetDictionary().HasKey("Filter")) continue;
    podofo::PdfStream* stream = object->GetStream();
    char* raw = nullptr;
    podofo::pdf_long length = 0;
    stream->GetCopy(&raw, &length);
    size_t in = static_cast<size_t>(length);
    packed.resize(libdeflate_zlib_compress_bound(compressor.c, in));
    size_t size = libdeflate_zlib_compress(compressor.c, raw, in, packed.data(), packed.size());
    podofo::podofo_free(raw);
    if (size == 0) throw Error("PDF: cannot compress a stream");
    podofo::PdfMemoryInputStream input(packed.data(), static_cast<podofo::pdf_long>(size));
    stream->SetRawData(&input, static_cast<podofo::pdf_long>(size));
    object->GetDictionary().AddKey("Filter", podofo::PdfName("FlateDecode"));
  }
}

}  // namespace

struct Canvas::Impl {
  FT_Library freetype = nullptr;  // the document's; metrics keep a pointer to this handle
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

Canvas::Canvas(const std::string& font_dir) : impl_((plain_streams(), std::make_unique<Impl>())) {
  impl_->freetype = impl_->document.GetFontLibrary();
  for (size_t i = 0; i < impl_->fonts.size(); ++i) {
    std::string path = font_dir + "/" + kFontFiles[i];
    const podofo::PdfRefCountedBuffer& bytes = font_bytes(path);
    bool bold = static_cast<FontId>(i) == FontId::bold;
    try {
      // Identity-H: one glyph id per UTF-16 unit, so every script the font
      // covers survives (a WinAnsi font silently drops "ễ" and "ơ"). The font
      // takes ownership of its metrics and encoding. The subset, with a fixed
      // tag per face, is built from the glyphs drawn (see write()).
      auto* metrics = new podofo::PdfFontMetricsFreetype(&impl_->freetype, bytes, false,
                                                         bold ? "AAAAAB+" : "AAAAAA+");
      auto* encoding = new podofo::PdfIdentityEncoding(0, 0xFFFF, true);
      int flags = podofo::ePdfFont_Embedded | podofo::ePdfFont_Subsetting |
                  (bold ? podofo::ePdfFont_Bold : 0);
      podofo::PdfFont* face = podofo::PdfFontFactory::CreateFontObject(
          metrics, flags, encoding, &impl_->document.GetObjects());
      if (!face) throw Error("PDF: cannot load font " + path);
      Font& font = impl_->fonts[i];
      font.owner.reset(face);
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

    // Fonts made outside PoDoFo's font cache are not subsetted by Write:
    // embed each subset here, once its glyphs are known.
    for (Font& font : impl_->fonts) font.face->EmbedSubsetFont();
    deflate_streams(doc.GetObjects());

    podofo::PdfRefCountedBuffer buffer;
    podofo::PdfOutputDevice device(&buffer);
    doc.Write(&device);
    return std::string(buffer.GetBuffer(), device.GetLength());
  } catch (const podofo::PdfError& e) {
    rethrow(e, "writing the document");
  }
}

}  // namespace clef::pdf
