#include "font.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <cmath>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>

#include "canvas.h"  // Error
#include "deflate.h"
#include "ttf_compact.h"

namespace clef::pdf {

namespace {

// This thread's faces, and the FreeType library they belong to (declared
// first, so destroyed after them).
struct Faces {
  struct Library {
    FT_Library handle = nullptr;
    Library() {
      if (FT_Init_FreeType(&handle)) handle = nullptr;
    }
    ~Library() {
      if (handle) FT_Done_FreeType(handle);
    }
  } library;
  std::unordered_map<std::string, std::unique_ptr<Face>> by_path;
};

Faces& faces() {
  thread_local Faces f;
  return f;
}

FT_Face ft(void* face) {
  return static_cast<FT_Face>(face);
}

void hex16(std::string& out, uint32_t v) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(v >> shift) & 15];
}

// UTF-16BE in hex, as a ToUnicode CMap writes a destination string.
std::string utf16_hex(char32_t c) {
  std::string out;
  if (c < 0x10000) {
    hex16(out, c);
  } else {
    c -= 0x10000;
    hex16(out, 0xD800 + (c >> 10));
    hex16(out, 0xDC00 + (c & 0x3FF));
  }
  return out;
}

// An integer PDF object (PoDoFo's overloads would take a literal 0 for a pointer).
podofo::PdfObject integer(int64_t v) {
  return podofo::PdfObject(static_cast<podofo::pdf_int64>(v));
}

}  // namespace

Face& Face::load(const std::string& path) {
  Faces& f = faces();
  auto it = f.by_path.find(path);
  if (it != f.by_path.end()) return *it->second;
  std::unique_ptr<Face> face(new Face(path));
  return *f.by_path.emplace(path, std::move(face)).first->second;
}

Face::Face(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("PDF: cannot read font " + path);
  bytes_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  FT_Library library = faces().library.handle;
  FT_Face face = nullptr;
  if (!library || bytes_.empty() ||
      FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(bytes_.data()),
                         static_cast<FT_Long>(bytes_.size()), 0, &face) ||
      !FT_IS_SFNT(face) || face->units_per_EM == 0) {
    if (face) FT_Done_Face(face);
    throw Error("PDF: cannot load font " + path);
  }
  face_ = face;
  const double em = face->units_per_EM;
  ascent_ = face->ascender / em;
  descent_ = -face->descender / em;
  bbox_[0] = face->bbox.xMin * 1000 / em;
  bbox_[1] = face->bbox.yMin * 1000 / em;
  bbox_[2] = face->bbox.xMax * 1000 / em;
  bbox_[3] = face->bbox.yMax * 1000 / em;
  const char* name = FT_Get_Postscript_Name(face);
  name_ = name ? name : "Font";
  bold_ = (face->style_flags & FT_STYLE_FLAG_BOLD) != 0;
}

Face::~Face() {
  if (face_) FT_Done_Face(ft(face_));
}

const Face::Glyph& Face::glyph(char32_t c) {
  auto it = glyphs_.find(c);
  if (it != glyphs_.end()) return it->second;
  FT_Face face = ft(face_);
  Glyph g;
  FT_UInt id = FT_Get_Char_Index(face, c);
  g.id = id <= 0xFFFF ? static_cast<uint16_t>(id) : 0;
  // Unscaled advance over units per em: the width PDF viewers use.
  if (!FT_Load_Glyph(face, g.id, FT_LOAD_NO_SCALE | FT_LOAD_NO_BITMAP))
    g.width = static_cast<double>(face->glyph->metrics.horiAdvance) / face->units_per_EM;
  return glyphs_.emplace(c, g).first->second;
}

uint16_t DocumentFont::code(char32_t c, char32_t glyph_of) {
  const uint64_t key = uint64_t{c} << 32 | glyph_of;
  auto it = codes_.find(key);
  if (it != codes_.end()) return it->second;
  if (chars_.size() >= 0xFFFE) return 0;  // a document drawing 65,534 characters: .notdef
  chars_.push_back({c, glyph_of});
  uint16_t code = static_cast<uint16_t>(chars_.size());
  codes_.emplace(key, code);
  return code;
}

podofo::PdfObject* DocumentFont::object(podofo::PdfVecObjects& objects) {
  if (!type0_) type0_ = objects.CreateObject("Font");
  return type0_;
}

void DocumentFont::write(podofo::PdfVecObjects& objects) {
  if (!type0_ || chars_.empty()) return;

  // The subset: glyph n is the glyph of code n, so /CIDToGIDMap is /Identity.
  std::vector<uint16_t> order{0};
  for (const Char& c : chars_) order.push_back(face_.glyph(c.glyph_of).id);
  std::optional<CompactFont> subset = subset_truetype(face_.program(), order);
  if (!subset) throw Error("PDF: cannot subset font " + face_.postscript_name());

  // A subset's name starts with a tag of six capitals that differs between
  // subsets (PDF 32000-1 §9.6.4): derived from the characters (FNV-1a), so
  // the same document gives the same name.
  uint64_t h = 1469598103934665603ull;
  for (char c : face_.postscript_name()) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  for (const Char& c : chars_) {
    h = (h ^ c.c) * 1099511628211ull;
    if (c.glyph_of != c.c) h = (h ^ c.glyph_of) * 1099511628211ull;
  }
  std::string tag;
  for (int i = 0; i < 6; ++i, h /= 26) tag += static_cast<char>('A' + h % 26);
  const podofo::PdfName name(tag + "+" + face_.postscript_name());

  podofo::PdfObject* file = objects.CreateObject();
  const std::string& program = subset->program;
  set_deflated(*file, program);
  file->GetDictionary().AddKey("Length1", integer(static_cast<int64_t>(program.size())));

  podofo::PdfObject* descriptor = objects.CreateObject("FontDescriptor");
  podofo::PdfDictionary& d = descriptor->GetDictionary();
  podofo::PdfArray bbox;
  for (int i = 0; i < 4; ++i) bbox.push_back(integer(std::lround(face_.bbox()[i])));
  d.AddKey("FontName", name);
  d.AddKey("Flags", integer(32));  // nonsymbolic
  d.AddKey("FontBBox", bbox);
  d.AddKey("ItalicAngle", integer(0));
  d.AddKey("Ascent", integer(std::lround(face_.ascent() * 1000)));
  d.AddKey("Descent", integer(-std::lround(face_.descent() * 1000)));
  d.AddKey("CapHeight", integer(std::lround(face_.ascent() * 1000)));
  d.AddKey("StemV", integer(face_.bold() ? 120 : 80));
  d.AddKey("FontFile2", file->Reference());

  podofo::PdfArray widths;
  for (const Char& c : chars_)
    widths.push_back(podofo::PdfVariant(face_.glyph(c.glyph_of).width * 1000));
  podofo::PdfArray w;
  w.push_back(integer(1));
  w.push_back(widths);
  podofo::PdfDictionary system;
  system.AddKey("Registry", podofo::PdfString("Adobe"));
  system.AddKey("Ordering", podofo::PdfString("Identity"));
  system.AddKey("Supplement", integer(0));
  podofo::PdfObject* cid = objects.CreateObject("Font");
  podofo::PdfDictionary& cd = cid->GetDictionary();
  cd.AddKey("Subtype", podofo::PdfName("CIDFontType2"));
  cd.AddKey("BaseFont", name);
  cd.AddKey("CIDSystemInfo", system);
  cd.AddKey("FontDescriptor", descriptor->Reference());
  cd.AddKey("DW", integer(0));
  cd.AddKey("W", w);
  cd.AddKey("CIDToGIDMap", podofo::PdfName("Identity"));

  // ToUnicode: each code back to its character, in blocks of at most 100
  // (the limit of a bfchar section).
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (size_t first = 0; first < chars_.size(); first += 100) {
    size_t n = std::min<size_t>(100, chars_.size() - first);
    cmap += std::to_string(n) + " beginbfchar\n";
    for (size_t i = first; i < first + n; ++i) {
      cmap += '<';
      hex16(cmap, static_cast<uint32_t>(i + 1));
      cmap += "> <" + utf16_hex(chars_[i].c) + ">\n";
    }
    cmap += "endbfchar\n";
  }
  cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  podofo::PdfObject* to_unicode = objects.CreateObject();
  set_deflated(*to_unicode, cmap);

  podofo::PdfDictionary& t = type0_->GetDictionary();
  podofo::PdfArray descendants;
  descendants.push_back(cid->Reference());
  t.AddKey("Subtype", podofo::PdfName("Type0"));
  t.AddKey("BaseFont", name);
  t.AddKey("Encoding", podofo::PdfName("Identity-H"));
  t.AddKey("DescendantFonts", descendants);
  t.AddKey("ToUnicode", to_unicode->Reference());
}

}  // namespace clef::pdf
