// Internal: the embedded fonts of clef's PDFs. A Face is a TrueType file,
// loaded once per thread with FreeType (glyph ids, advance widths, the
// descriptor's metrics). A DocumentFont is what one document draws with a
// face: each character gets a code (its CID) at first use, and write() embeds
// a subset holding exactly those glyphs, numbered by code, with its widths
// and a ToUnicode map so that text copies out as it went in.
//
// Why not PoDoFo's fonts: its subsetting reads the whole file and asks
// FreeType for every glyph in every document, and keeps every glyph id of the
// full font in the subset — together 45 % of the time of a report.
#pragma once

#include <podofo/podofo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace clef::pdf {
namespace podofo = PoDoFo;

class Face {
 public:
  // The face of `path`, loaded on this thread's first call. Throws Error.
  static Face& load(const std::string& path);
  ~Face();
  Face(const Face&) = delete;
  Face& operator=(const Face&) = delete;

  struct Glyph {
    double width = 0;  // advance, in ems
    uint16_t id = 0;   // 0: the font has no glyph for it (.notdef)
  };
  const Glyph& glyph(char32_t c);

  std::string_view program() const { return bytes_; }
  const std::string& postscript_name() const { return name_; }
  double ascent() const { return ascent_; }    // ems above the baseline
  double descent() const { return descent_; }  // ems below it, positive
  bool bold() const { return bold_; }
  const double* bbox() const { return bbox_; }  // thousandths of an em

 private:
  explicit Face(const std::string& path);
  std::string bytes_;
  void* face_ = nullptr;  // FT_Face; FreeType stays out of this header
  std::string name_;
  double ascent_ = 0, descent_ = 0, bbox_[4] = {0, 0, 0, 0};
  bool bold_ = false;
  std::unordered_map<char32_t, Glyph> glyphs_;
};

class DocumentFont {
 public:
  DocumentFont(Face& face, std::string resource) : face_(face), resource_(std::move(resource)) {}

  Face& face() const { return face_; }
  // The resource name pages use ("F1").
  const std::string& resource() const { return resource_; }
  // The code of `c` in this document's subset: 1, 2, … in order of first
  // use; 0 (.notdef) once 65,534 codes are taken. `glyph_of` is the
  // character whose glyph is drawn for c: c itself, or its mirror image in
  // right-to-left text ("(" drawn as ")"), which gets a code of its own that
  // still copies out as c.
  uint16_t code(char32_t c, char32_t glyph_of);
  uint16_t code(char32_t c) { return code(c, c); }
  bool used() const { return !chars_.empty(); }
  size_t size() const { return chars_.size(); }  // codes given

  // The Type0 font object pages refer to; created on first call, filled by
  // write() once every character is known.
  podofo::PdfObject* object(podofo::PdfVecObjects& objects);
  // Embeds the subset: Type0 font, CIDFontType2, descriptor, FontFile2,
  // ToUnicode. Throws Error if the font program cannot be subsetted.
  void write(podofo::PdfVecObjects& objects);

 private:
  Face& face_;
  std::string resource_;
  struct Char {
    char32_t c, glyph_of;
  };
  std::unordered_map<uint64_t, uint16_t> codes_;  // by c << 32 | glyph_of
  std::vector<Char> chars_;                       // by code - 1
  podofo::PdfObject* type0_ = nullptr;
};

}  // namespace clef::pdf
