#include "canvas.h"

// PoDoFo 0.9.8 comes in through pkg-config's imported target, whose include
// directories are SYSTEM: its own warnings do not reach -Werror.
#include <libdeflate.h>
#include <podofo/podofo.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <charconv>
#include <cmath>
#include <fstream>
#include <memory>
#include <mutex>
#include <numbers>
#include <unordered_map>

#include "text.h"
#include "ttf_compact.h"

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
  // Advance widths (per point of size) and glyph ids, per character: shared
  // by every document this thread draws with the same font file, since
  // asking FreeType for each cost ~0.5 ms per report.
  struct Glyph {
    double width = 0;
    uint16_t id = 0;
  };
  std::unordered_map<char32_t, Glyph>* glyphs = nullptr;
  std::bitset<0x10000> used;  // every BMP character drawn, for the subset
  double ascent = 0, descent = 0;

  // Identity-H with /CIDToGIDMap /Identity: the code drawn is the glyph id in
  // the full font, which PoDoFo's subset keeps. Outside the BMP PoDoFo cannot
  // subset: .notdef.
  const Glyph& glyph(char32_t c) const {
    auto it = glyphs->find(c);
    if (it != glyphs->end()) return it->second;
    const podofo::PdfFontMetrics* m = face->GetFontMetrics();
    Glyph g;
    if (c <= 0xFFFF) {
      // UnicodeCharWidth is what PdfFontMetrics::StringWidth sums for a
      // Unicode string; at size 1000 it gives thousandths of an em.
      face->SetFontSize(1000.0f);
      g.width = m->UnicodeCharWidth(static_cast<unsigned short>(c)) / 1000.0;
      long id = m->GetGlyphId(static_cast<long>(c));
      g.id = id > 0 && id <= 0xFFFF ? static_cast<uint16_t>(id) : 0;
    }
    return glyphs->emplace(c, g).first->second;
  }
  double advance(char32_t c) const { return glyph(c).width; }
};

std::unordered_map<char32_t, Font::Glyph>& glyph_cache(const std::string& path) {
  thread_local std::unordered_map<std::string, std::unordered_map<char32_t, Font::Glyph>> caches;
  return caches[path];
}

// A subset's name starts with a six-letter tag that should differ between
// different subsets (PDF 32000 §9.6.4), so that merged documents keep their
// fonts apart. PoDoFo's tag is fixed at creation, before the glyphs are
// known: derive it from the glyphs and the face (FNV-1a), deterministic too.
void retag(const Font& font, std::u16string_view glyphs) {
  podofo::PdfObject* type0 = font.face->GetObject();
  std::string name = type0->GetDictionary().GetKey("BaseFont")->GetName().GetName();
  std::string base = name.size() > 7 && name[6] == '+' ? name.substr(7) : name;
  uint64_t h = 1469598103934665603ull;
  for (char c : base) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  for (char16_t g : glyphs) h = (h ^ g) * 1099511628211ull;
  std::string tag;
  for (int i = 0; i < 6; ++i, h /= 26) tag += static_cast<char>('A' + h % 26);
  podofo::PdfName tagged(tag + "+" + base);
  type0->GetDictionary().AddKey("BaseFont", tagged);
  podofo::PdfVecObjects* objects = type0->GetOwner();
  auto resolve = [&](podofo::PdfObject* o) {
    return o && o->IsReference() ? objects->GetObject(o->GetReference()) : o;
  };
  podofo::PdfObject* descendants = resolve(type0->GetDictionary().GetKey("DescendantFonts"));
  if (!descendants || !descendants->IsArray()) return;
  for (podofo::PdfObject& entry : descendants->GetArray()) {
    podofo::PdfObject* cid = resolve(&entry);
    if (!cid || !cid->IsDictionary()) continue;
    cid->GetDictionary().AddKey("BaseFont", tagged);
    podofo::PdfObject* descriptor = resolve(cid->GetDictionary().GetKey("FontDescriptor"));
    if (descriptor && descriptor->IsDictionary())
      descriptor->GetDictionary().AddKey("FontName", tagged);
  }
}

// PoDoFo's subset keeps every glyph id of the full font, so its loca and hmtx
// tables stay full size (three quarters of the program for DejaVu Sans, and
// as much compression time). Renumber the glyphs drawn and map each CID (the
// old id, as drawn in the content) to its new glyph through /CIDToGIDMap.
// A program that cannot be compacted is left as PoDoFo wrote it.
void compact(const Font& font) {
  podofo::PdfObject* type0 = font.face->GetObject();
  podofo::PdfVecObjects* objects = type0->GetOwner();
  auto resolve = [&](podofo::PdfObject* o) {
    return o && o->IsReference() ? objects->GetObject(o->GetReference()) : o;
  };
  podofo::PdfObject* descendants = resolve(type0->GetDictionary().GetKey("DescendantFonts"));
  if (!descendants || !descendants->IsArray() || descendants->GetArray().empty()) return;
  podofo::PdfObject* cid = resolve(&descendants->GetArray()[0]);
  podofo::PdfObject* descriptor =
      cid && cid->IsDictionary() ? resolve(cid->GetDictionary().GetKey("FontDescriptor")) : nullptr;
  podofo::PdfObject* file = descriptor && descriptor->IsDictionary()
                                ? resolve(descriptor->GetDictionary().GetKey("FontFile2"))
                                : nullptr;
  if (!file || !file->HasStream() || file->GetDictionary().HasKey("Filter")) return;

  char* raw = nullptr;
  podofo::pdf_long length = 0;
  file->GetStream()->GetCopy(&raw, &length);
  std::optional<CompactFont> compacted =
      compact_truetype(std::string_view(raw, static_cast<size_t>(length)));
  podofo::podofo_free(raw);
  if (!compacted) return;

  const std::string& program = compacted->program;
  file->GetStream()->Set(program.data(), static_cast<podofo::pdf_long>(program.size()));
  file->GetDictionary().AddKey("Length1", static_cast<podofo::pdf_int64>(program.size()));
  std::string map = cid_to_gid_map(*compacted);
  podofo::PdfObject* map_object = objects->CreateObject();
  map_object->GetStream()->Set(map.data(), static_cast<podofo::pdf_long>(map.size()));
  cid->GetDictionary().AddKey("CIDToGIDMap", map_object->Reference());
}

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
// before any stream exists) and deflated in write() by libdeflate at level 1:
// the same zlib format, 8 % larger than zlib's default, ten times faster.
void plain_streams() {
  static std::once_flag once;
  std::call_once(once, [] { podofo::PdfStream::eDefaultFilter = podofo::ePdfFilter_None; });
}

void deflate_streams(podofo::PdfVecObjects& objects) {
  struct Compressor {
    libdeflate_compressor* c = libdeflate_alloc_compressor(1);
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
    Font& f = fonts[static_cast<size_t>(op.font)];
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
      c.out += "/" + f.face->GetIdentifier().GetName() + " ";
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
    for (char32_t ch : decode_utf8(op.text)) {
      uint16_t g = f.glyph(ch).id;
      if (ch <= 0xFFFF) f.used.set(ch);
      put(static_cast<uint8_t>(g >> 8));
      put(static_cast<uint8_t>(g & 0xFF));
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
        font_dict.AddKey(fonts[i].face->GetIdentifier(), fonts[i].face->GetObject()->Reference());
    if (!font_dict.GetKeys().empty()) res.AddKey("Font", font_dict);
    if (c.translucent_used) {
      podofo::PdfDictionary gs;
      gs.AddKey(translucent->GetIdentifier(), translucent->GetObject()->Reference());
      res.AddKey("ExtGState", gs);
    }
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
      font.glyphs = &glyph_cache(path);
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
      Impl::Content content;
      for (const Op& op : ops) std::visit([&](const auto& o) { impl_->paint(content, o); }, op);
      impl_->resources(page, content);
      page->GetContents()->GetStream()->Set(content.out.data(),
                                            static_cast<podofo::pdf_long>(content.out.size()));
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
    for (Font& font : impl_->fonts) {
      if (font.used.none()) continue;  // a face never drawn is not embedded at all
      // AddUsedSubsettingGlyphs reads big-endian UTF-16.
      std::u16string be;
      for (size_t u = 0; u < font.used.size(); ++u)
        if (font.used[u]) be.push_back(static_cast<char16_t>(((u >> 8) | (u << 8)) & 0xFFFF));
      podofo::PdfString text(reinterpret_cast<const podofo::pdf_utf16be*>(be.data()),
                             static_cast<podofo::pdf_long>(be.size()));
      font.face->AddUsedSubsettingGlyphs(text, static_cast<long>(be.size()));
      font.face->EmbedSubsetFont();
      compact(font);
      retag(font, be);
    }
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
