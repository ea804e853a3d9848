// Subsetting TrueType fonts (pdf/ttf_compact.h), checked on DejaVu Sans
// itself: the whole font subset for the glyphs of a text, in its order, and
// corrupted copies of a sparse font (every glyph id of DejaVu, outlines only
// for that text's glyphs). No font library here: the output is read back with
// the small sfnt reader below, which shares no code with the one under test.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "pdf/text.h"
#include "pdf/ttf_compact.h"

using clef::pdf::CompactFont;
using clef::pdf::subset_truetype;

namespace {

const char* const kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
// With U+202F and U+00A0: empty outlines, like U+0020, but glyphs of their own.
const char* const kChosen = "Nguyễn Thị Hương Œuvre «€» — 45\u202F000,00\u00A0€";

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(std::string("cannot read ") + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Bounds-checked big-endian reads: a bug in the reader throws, it never reads
// past the end.
uint32_t u16(std::string_view s, size_t at) {
  if (at > s.size() || s.size() - at < 2) throw std::out_of_range("u16");
  return static_cast<uint32_t>(static_cast<unsigned char>(s[at]) << 8 |
                               static_cast<unsigned char>(s[at + 1]));
}
uint32_t u32(std::string_view s, size_t at) {
  return u16(s, at) << 16 | u16(s, at + 2);
}
void w16(std::string& s, size_t at, uint32_t v) {
  s.at(at) = static_cast<char>((v >> 8) & 0xFF);
  s.at(at + 1) = static_cast<char>(v & 0xFF);
}
void w32(std::string& s, size_t at, uint32_t v) {
  w16(s, at, v >> 16);
  w16(s, at + 2, v & 0xFFFF);
}
void a16(std::string& s, uint32_t v) {
  s.push_back(static_cast<char>((v >> 8) & 0xFF));
  s.push_back(static_cast<char>(v & 0xFF));
}
void a32(std::string& s, uint32_t v) {
  a16(s, v >> 16);
  a16(s, v & 0xFFFF);
}

uint32_t sum32(std::string_view data) {
  std::string padded(data);
  padded.resize((padded.size() + 3) / 4 * 4, '\0');
  uint32_t sum = 0;
  for (size_t at = 0; at < padded.size(); at += 4) sum += u32(padded, at);
  return sum;
}

// A font read back: its tables, glyph outlines and metrics.
struct Sfnt {
  std::string_view bytes;
  std::map<std::string, std::string_view> tables;
  std::map<std::string, size_t> record;  // tag -> offset of its directory record
  size_t glyphs = 0;
  size_t long_metrics = 0;
  int loca_format = 0;
  std::vector<uint32_t> loca;

  explicit Sfnt(std::string_view font) : bytes(font) {
    size_t n = u16(font, 4);
    for (size_t i = 0; i < n; ++i) {
      size_t r = 12 + 16 * i;
      std::string tag(font.substr(r, 4));
      size_t offset = u32(font, r + 8), length = u32(font, r + 12);
      if (offset > font.size() || length > font.size() - offset)
        throw std::out_of_range("table " + tag);
      tables[tag] = font.substr(offset, length);
      record[tag] = r;
    }
    glyphs = u16(table("maxp"), 4);
    long_metrics = u16(table("hhea"), 34);
    loca_format = static_cast<int16_t>(u16(table("head"), 50));
    std::string_view offsets = table("loca");
    for (size_t i = 0; i <= glyphs; ++i)
      loca.push_back(loca_format == 0 ? 2 * u16(offsets, 2 * i) : u32(offsets, 4 * i));
  }
  std::string_view table(const std::string& tag) const {
    auto it = tables.find(tag);
    if (it == tables.end()) throw std::out_of_range("no table " + tag);
    return it->second;
  }
  bool has(const std::string& tag) const { return tables.count(tag) > 0; }
  std::string_view glyph(size_t g) const {
    if (g >= glyphs || loca[g + 1] < loca[g]) throw std::out_of_range("glyph");
    return table("glyf").substr(loca[g], loca[g + 1] - loca[g]);
  }
  uint32_t advance(size_t g) const { return u16(table("hmtx"), 4 * std::min(g, long_metrics - 1)); }
  uint32_t lsb(size_t g) const {
    return g < long_metrics ? u16(table("hmtx"), 4 * g + 2)
                            : u16(table("hmtx"), 4 * long_metrics + 2 * (g - long_metrics));
  }
  // Offsets (within the glyph) of the component glyph ids of a composite.
  std::vector<size_t> components(size_t g) const {
    std::string_view data = glyph(g);
    std::vector<size_t> at;
    if (data.empty() || static_cast<int16_t>(u16(data, 0)) >= 0) return at;
    size_t p = 10;
    uint32_t flags = 0;
    do {
      flags = u16(data, p);
      at.push_back(p + 2);
      p += 4 + ((flags & 1) ? 4 : 2);
      p += (flags & 0x08) ? 2 : (flags & 0x40) ? 4 : (flags & 0x80) ? 8 : 0;
    } while (flags & 0x20);
    return at;
  }
  std::vector<uint32_t> component_ids(size_t g) const {
    std::vector<uint32_t> ids;
    for (size_t at : components(g)) ids.push_back(u16(glyph(g), at));
    return ids;
  }
  // Unicode to glyph id through the (3,10) format 12 or the (3,1) format 4 cmap.
  uint32_t glyph_of(char32_t c) const {
    std::string_view cmap = table("cmap");
    std::optional<size_t> fmt4, fmt12;
    for (size_t i = 0, n = u16(cmap, 2); i < n; ++i) {
      uint32_t platform = u16(cmap, 4 + 8 * i), encoding = u16(cmap, 6 + 8 * i);
      size_t sub = u32(cmap, 8 + 8 * i);
      if (platform == 3 && encoding == 10 && u16(cmap, sub) == 12) fmt12 = sub;
      if (platform == 3 && encoding == 1 && u16(cmap, sub) == 4) fmt4 = sub;
    }
    if (fmt12) {
      size_t groups = u32(cmap, *fmt12 + 12);
      for (size_t i = 0; i < groups; ++i) {
        size_t gp = *fmt12 + 16 + 12 * i;
        if (c >= u32(cmap, gp) && c <= u32(cmap, gp + 4))
          return u32(cmap, gp + 8) + c - u32(cmap, gp);
      }
      return 0;
    }
    if (!fmt4 || c > 0xFFFF) return 0;
    size_t seg = u16(cmap, *fmt4 + 6) / 2;
    size_t ends = *fmt4 + 14, starts = ends + 2 * seg + 2, deltas = starts + 2 * seg,
           ranges = deltas + 2 * seg;
    for (size_t i = 0; i < seg; ++i) {
      if (c > u16(cmap, ends + 2 * i)) continue;
      uint32_t start = u16(cmap, starts + 2 * i);
      if (c < start) return 0;
      uint32_t delta = u16(cmap, deltas + 2 * i), range = u16(cmap, ranges + 2 * i);
      if (range == 0) return (c + delta) & 0xFFFF;
      uint32_t g = u16(cmap, ranges + 2 * i + range + 2 * (c - start));
      return g == 0 ? 0 : (g + delta) & 0xFFFF;
    }
    return 0;
  }
};

// Everything a PDF reader relies on in a compacted font, or the first thing
// wrong with it ("" when none).
std::string problems(std::string_view font) {
  try {
    if (u32(font, 0) != 0x00010000) return "sfnt version";
    size_t n = u16(font, 4), power = 1, log2 = 0;
    while (power * 2 <= n) power *= 2, ++log2;
    if (u16(font, 6) != 16 * power || u16(font, 8) != log2 || u16(font, 10) != 16 * (n - power))
      return "searchRange/entrySelector/rangeShift";
    Sfnt f(font);
    if (f.tables.size() != n) return "duplicate tags";
    size_t end = 12 + 16 * n;
    std::string previous;
    for (size_t i = 0; i < n; ++i) {
      size_t r = 12 + 16 * i;
      std::string tag(font.substr(r, 4));
      if (i > 0 && !(previous < tag)) return "directory not sorted at " + tag;
      previous = tag;
      size_t offset = u32(font, r + 8), length = u32(font, r + 12);
      if (offset % 4 != 0 || offset != end) return "table not aligned or not packed: " + tag;
      end = offset + (length + 3) / 4 * 4;
      if (end > font.size()) return "table past the end: " + tag;
      for (size_t p = offset + length; p < end; ++p)
        if (font[p] != 0) return "padding not zero after " + tag;
      std::string data(font.substr(offset, length));
      if (tag == "head") w32(data, 8, 0);
      if (sum32(data) != u32(font, r + 4)) return "checksum of " + tag;
    }
    if (end != font.size()) return "trailing bytes";
    if (sum32(font) != 0xB1B0AFBA) return "checkSumAdjustment";
    for (const char* required : {"head", "hhea", "maxp", "loca", "glyf", "hmtx"})
      if (!f.has(required)) return std::string("no ") + required;
    for (const char* gone :
         {"name", "cmap", "kern", "GPOS", "GSUB", "GDEF", "hdmx", "LTSH", "VDMX", "DSIG"})
      if (f.has(gone)) return std::string("kept ") + gone;
    if (f.has("post") && (f.table("post").size() != 32 || u32(f.table("post"), 0) != 0x00030000))
      return "post not format 3";
    if (u32(f.table("head"), 12) != 0x5F0F3CF5) return "head magic";
    if (f.glyphs == 0 || f.long_metrics != f.glyphs) return "numberOfHMetrics";
    if (f.table("hmtx").size() != 4 * f.glyphs) return "hmtx size";
    if (f.loca_format != 0 && f.loca_format != 1) return "indexToLocFormat";
    if (f.table("loca").size() != (f.glyphs + 1) * (f.loca_format == 0 ? 2 : 4)) return "loca size";
    if (f.loca_format == 1 && f.table("glyf").size() <= 0x1FFFE) return "long loca needlessly";
    for (size_t g = 0; g < f.glyphs; ++g) {
      if (f.loca[g + 1] < f.loca[g]) return "loca decreases";
      if (f.loca[g] % 4 != 0) return "glyph not 4-byte aligned";
      if (!f.glyph(g).empty() && f.glyph(g).size() < 10) return "glyph too short";
      for (uint32_t c : f.component_ids(g))
        if (c >= f.glyphs) return "component past numGlyphs";
    }
    if (f.loca[f.glyphs] != f.table("glyf").size()) return "loca does not end glyf";
  } catch (const std::out_of_range& e) {
    return std::string("read past the end: ") + e.what();
  }
  return "";
}

// The first way the subset `compact` of the font `source` for `order` differs
// from what it should be ("" when none): glyph i is order[i], then the
// components of the composites, transitively, each once; outlines and metrics
// as in the source, component ids remapped; tables rebuilt, copied or dropped.
std::string mismatch(std::string_view source, const std::vector<uint16_t>& order,
                     const CompactFont& compact) {
  if (std::string problem = problems(compact.program); !problem.empty()) return problem;
  try {
    Sfnt in(source), out(compact.program);
    if (compact.new_gid.size() != in.glyphs) return "new_gid size";
    if (out.glyphs != compact.glyph_count) return "glyph_count is not numGlyphs";

    // The components to append, by the test's own reading.
    std::set<size_t> listed(order.begin(), order.end()), extra;
    std::vector<size_t> todo(listed.begin(), listed.end());
    while (!todo.empty()) {
      size_t g = todo.back();
      todo.pop_back();
      for (uint32_t c : in.component_ids(g))
        if (!listed.count(c) && extra.insert(c).second) todo.push_back(c);
    }
    if (compact.glyph_count != order.size() + extra.size()) return "glyph count";

    // New ids to old: `order`, then the components (through new_gid).
    std::vector<size_t> old_of(compact.glyph_count, SIZE_MAX);
    for (size_t i = 0; i < order.size(); ++i) old_of[i] = order[i];
    for (size_t g = 0; g < in.glyphs; ++g) {
      size_t n = compact.new_gid[g];
      if (listed.count(g)) {
        if (n != static_cast<size_t>(std::find(order.begin(), order.end(), g) - order.begin()))
          return "new_gid of " + std::to_string(g) + " is not its first place in order";
      } else if (extra.count(g)) {
        if (n < order.size() || n >= old_of.size() || old_of[n] != SIZE_MAX)
          return "component " + std::to_string(g) + " not appended once";
        old_of[n] = g;
      } else if (n != 0) {
        return "new_gid of " + std::to_string(g) + ", not kept, is not 0";
      }
    }

    for (size_t n = 0; n < compact.glyph_count; ++n) {
      size_t g = old_of[n];
      std::string_view was = in.glyph(g), now = out.glyph(n);
      if (now.size() < was.size() || now.size() - was.size() >= 4 ||
          now.substr(was.size()).find_first_not_of('\0') != std::string_view::npos)
        return "glyph " + std::to_string(n) + " not padded to 4 bytes";
      // Same bytes, once the component ids are mapped back to the old ones.
      std::string restored(now.substr(0, was.size()));
      std::vector<uint32_t> components = in.component_ids(g);
      std::vector<size_t> at = out.components(n);
      if (at.size() != components.size()) return "components of " + std::to_string(n);
      for (size_t k = 0; k < at.size(); ++k) {
        uint32_t c = u16(restored, at[k]);
        if (c >= compact.glyph_count || c != compact.new_gid[components[k]])
          return "component of glyph " + std::to_string(n) + " not remapped";
        w16(restored, at[k], static_cast<uint32_t>(old_of[c]));
      }
      if (restored != was) return "glyph " + std::to_string(n) + " (was " + std::to_string(g) + ")";
      if (out.advance(n) != in.advance(g) || out.lsb(n) != in.lsb(g))
        return "metrics of glyph " + std::to_string(n);
    }

    // Exactly these tables: the ones that name no glyph id copied, head, hhea
    // and maxp changed only where they count or locate glyphs.
    std::set<std::string> expected{"glyf", "head", "hhea", "hmtx", "loca", "maxp"};
    for (const char* same : {"OS/2", "cvt ", "fpgm", "prep", "gasp", "post"})
      if (in.has(same)) expected.insert(same);
    std::set<std::string> got;
    for (const auto& table : out.tables) got.insert(table.first);
    if (got != expected) return "not the expected tables";
    for (const char* same : {"OS/2", "cvt ", "fpgm", "prep", "gasp"})
      if (in.has(same) && out.table(same) != in.table(same)) return std::string(same) + " changed";
    auto same_except = [](std::string_view a, std::string_view b, std::set<size_t> changed) {
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i] && !changed.count(i)) return false;
      return true;
    };
    if (!same_except(out.table("head"), in.table("head"), {8, 9, 10, 11, 50, 51})) return "head";
    if (!same_except(out.table("hhea"), in.table("hhea"), {34, 35})) return "hhea";
    if (!same_except(out.table("maxp"), in.table("maxp"), {4, 5})) return "maxp";
    if (in.has("post") && out.table("post").substr(4) != in.table("post").substr(4, 28))
      return "post header";
  } catch (const std::out_of_range& e) {
    return std::string("read past the end: ") + e.what();
  }
  return "";
}

// An sfnt of these tables, directory sorted, checksums right.
std::string build_sfnt(const std::map<std::string, std::string>& tables) {
  std::string font;
  a32(font, 0x00010000);
  size_t n = tables.size(), power = 1, log2 = 0;
  while (power * 2 <= n) power *= 2, ++log2;
  a16(font, static_cast<uint32_t>(n));
  a16(font, static_cast<uint32_t>(16 * power));
  a16(font, static_cast<uint32_t>(log2));
  a16(font, static_cast<uint32_t>(16 * (n - power)));
  size_t offset = 12 + 16 * n;
  for (const auto& [tag, data] : tables) {
    font += tag;
    a32(font, sum32(data));
    a32(font, static_cast<uint32_t>(offset));
    a32(font, static_cast<uint32_t>(data.size()));
    offset += (data.size() + 3) / 4 * 4;
  }
  for (const auto& [tag, data] : tables) {
    font += data;
    font.resize((font.size() + 3) / 4 * 4, '\0');
  }
  return font;
}

// A sparse font: every glyph id of `full`, but outlines only for the glyphs
// of `text` and their components (loca long, hmtx whole), and the tables a
// subsetter must copy or drop. Small enough to corrupt a few thousand times.
std::string sparse_font(const std::string& full, const char* text) {
  Sfnt f(full);
  std::set<size_t> used{0};
  for (char32_t c : clef::pdf::decode_utf8(text)) used.insert(f.glyph_of(c));
  std::vector<size_t> todo(used.begin(), used.end());
  while (!todo.empty()) {
    size_t g = todo.back();
    todo.pop_back();
    for (uint32_t c : f.component_ids(g))
      if (used.insert(c).second) todo.push_back(c);
  }
  std::string glyf, loca;
  for (size_t g = 0; g < f.glyphs; ++g) {
    a32(loca, static_cast<uint32_t>(glyf.size()));
    if (used.count(g)) glyf += f.glyph(g);
  }
  a32(loca, static_cast<uint32_t>(glyf.size()));
  std::map<std::string, std::string> tables;
  for (const char* copied : {"OS/2", "cmap", "cvt ", "fpgm", "head", "hhea", "hmtx", "maxp", "post",
                             "prep", "kern", "gasp"})
    tables[copied] = std::string(f.table(copied));
  tables["glyf"] = glyf;
  tables["loca"] = loca;
  w16(tables["head"], 50, 1);
  return build_sfnt(tables);
}

const std::string& dejavu() {
  static const std::string font = read_file(kDejaVu);
  return font;
}
const std::string& sparse() {
  static const std::string font = sparse_font(dejavu(), kChosen);
  return font;
}

// The glyph ids of `text` after .notdef, as the engine lists them: each
// character once, in order of first appearance (two characters may share a
// glyph); with `repeat`, every character, as often as it occurs.
std::vector<uint16_t> order_of(const char* text, bool repeat = false) {
  Sfnt f(dejavu());
  std::vector<uint16_t> order{0};
  std::u32string seen;
  for (char32_t c : clef::pdf::decode_utf8(text)) {
    if (!repeat && seen.find(c) != std::u32string::npos) continue;
    seen += c;
    order.push_back(static_cast<uint16_t>(f.glyph_of(c)));
  }
  return order;
}

// One corrupted input: no crash, and a font only if it is a valid one and,
// when the test's reader can read the input, the subset of it.
struct Outcome {
  int rejected = 0, valid = 0, invalid = 0;
  std::string first_problem;
  void run(std::string_view bytes, const std::vector<uint16_t>& order) {
    std::optional<CompactFont> r = subset_truetype(bytes, order);
    if (!r) {
      ++rejected;
      return;
    }
    std::string problem = problems(r->program);
    if (problem.empty() && r->glyph_count < order.size()) problem = "glyph_count < order";
    if (problem.empty()) {
      bool readable = true;
      try {
        Sfnt in(bytes);
      } catch (const std::out_of_range&) {
        readable = false;
      }
      if (readable) problem = mismatch(bytes, order, *r);
    }
    if (problem.empty()) {
      ++valid;
    } else {
      if (invalid++ == 0) first_problem = problem;
    }
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(ttf_compact_test)

BOOST_AUTO_TEST_CASE(the_whole_font_subset_for_a_text_in_its_order) {
  Sfnt in(dejavu());
  BOOST_TEST_REQUIRE(in.glyphs > 5000u);
  std::vector<uint16_t> order = order_of(kChosen);
  std::optional<CompactFont> r = subset_truetype(dejavu(), order);
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(mismatch(dejavu(), order, *r) == "");
  Sfnt out(r->program);

  // Spaces have empty outlines, yet each keeps the slot its place in `order`
  // gives it, with its own advance: never .notdef's.
  for (char32_t space : {U' ', U'\u202F', U'\u00A0'}) {
    uint32_t g = in.glyph_of(space);
    BOOST_TEST_REQUIRE(g != 0u);
    BOOST_TEST(in.glyph(g).empty());
    size_t n = static_cast<size_t>(std::find(order.begin(), order.end(), g) - order.begin());
    BOOST_TEST_REQUIRE(n < order.size());
    BOOST_TEST(n != 0u);
    BOOST_TEST(r->new_gid[g] == n);
    BOOST_TEST(out.glyph(n).empty());
    BOOST_TEST(out.advance(n) == in.advance(g));
    BOOST_TEST(out.advance(n) > 0u);
  }
  // Position = glyph id, for every character; the composites' components
  // (ễ, ị, ư, ơ in DejaVu Sans) come after, renumbered.
  size_t composites = 0;
  for (size_t i = 0; i < order.size(); ++i) {
    BOOST_TEST(r->new_gid[order[i]] == i);
    if (in.components(order[i]).empty()) continue;
    ++composites;
    for (uint32_t c : out.component_ids(i)) BOOST_TEST(c != 0u);
  }
  BOOST_TEST(composites >= 2u);
  BOOST_TEST(r->glyph_count > order.size());
  BOOST_TEST(r->glyph_count < 60);
  BOOST_TEST(out.loca_format == 0);
  BOOST_TEST(out.table("loca").size() == 2u * (r->glyph_count + 1));
  BOOST_TEST(out.table("hmtx").size() == 4u * r->glyph_count);
  BOOST_TEST(out.table("post").size() == 32u);
  BOOST_TEST(u32(out.table("post"), 0) == 0x00030000u);
  for (const char* gone : {"name", "cmap", "GPOS", "GSUB", "kern"}) {
    BOOST_TEST(in.has(gone), gone);
    BOOST_TEST(!out.has(gone), gone);
  }
  BOOST_TEST(r->program.size() < 20000u);
}

BOOST_AUTO_TEST_CASE(a_glyph_listed_twice_is_written_twice) {
  std::vector<uint16_t> order = order_of(kChosen, true), once = order_of(kChosen);
  BOOST_TEST_REQUIRE(order.size() > once.size());
  std::optional<CompactFont> r = subset_truetype(dejavu(), order),
                             r1 = subset_truetype(dejavu(), once);
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST_REQUIRE(r1.has_value());
  BOOST_TEST(mismatch(dejavu(), order, *r) == "");
  // The same components appended.
  BOOST_TEST(r->glyph_count - order.size() == r1->glyph_count - once.size());
  Sfnt out(r->program);
  for (size_t i = 0; i < order.size(); ++i)
    for (size_t j = i + 1; j < order.size(); ++j)
      if (order[i] == order[j]) {
        BOOST_TEST((out.glyph(i) == out.glyph(j)));
        BOOST_TEST(out.advance(i) == out.advance(j));
      }
}

BOOST_AUTO_TEST_CASE(every_glyph_in_order_and_reversed) {
  Sfnt in(dejavu());
  std::vector<uint16_t> all(in.glyphs);
  for (size_t g = 0; g < in.glyphs; ++g) all[g] = static_cast<uint16_t>(g);
  std::optional<CompactFont> r = subset_truetype(dejavu(), all);
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(mismatch(dejavu(), all, *r) == "");
  BOOST_TEST(r->glyph_count == in.glyphs);  // every component is listed already
  Sfnt out(r->program);
  BOOST_TEST(out.loca_format == 1);  // DejaVu's glyf is past 128 KB
  // Reversed after .notdef: every composite's components renumbered.
  std::reverse(all.begin() + 1, all.end());
  r = subset_truetype(dejavu(), all);
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(mismatch(dejavu(), all, *r) == "");
  BOOST_TEST(r->glyph_count == in.glyphs);
}

BOOST_AUTO_TEST_CASE(order_must_start_with_notdef_and_stay_in_the_font) {
  Sfnt in(dejavu());
  auto subset = [](std::vector<uint16_t> order) { return subset_truetype(dejavu(), order); };
  BOOST_TEST(!subset({}).has_value());
  BOOST_TEST(!subset({1}).has_value());
  BOOST_TEST(!subset({1, 0}).has_value());
  BOOST_TEST(!subset({0, static_cast<uint16_t>(in.glyphs)}).has_value());
  BOOST_TEST(!subset({0, 36, 0xFFFF}).has_value());
  BOOST_TEST(subset({0, static_cast<uint16_t>(in.glyphs - 1)}).has_value());

  std::vector<uint16_t> notdef{0};
  std::optional<CompactFont> r = subset(notdef);
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(mismatch(dejavu(), notdef, *r) == "");
  BOOST_TEST(r->glyph_count == 1u);
  Sfnt out(r->program);
  BOOST_TEST((out.glyph(0).substr(0, in.glyph(0).size()) == in.glyph(0)));
  BOOST_TEST(!in.glyph(0).empty());
  // .notdef listed again, later: written twice.
  std::vector<uint16_t> twice{0, 36, 0};
  r = subset(twice);
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(mismatch(dejavu(), twice, *r) == "");
  BOOST_TEST(r->new_gid[0] == 0u);
}

BOOST_AUTO_TEST_CASE(a_font_without_post_or_copied_tables) {
  // Made by hand: simple glyphs only, short loca wanted, no 'post'.
  Sfnt full(dejavu());
  std::string glyf, loca;
  std::vector<size_t> ids{0};
  for (size_t g = 1; g < full.glyphs && ids.size() < 40; ++g)
    if (!full.glyph(g).empty() && full.components(g).empty()) ids.push_back(g);
  std::string hmtx;
  for (size_t g : ids) {
    a32(loca, static_cast<uint32_t>(glyf.size()));
    glyf += full.glyph(g);
    a16(hmtx, full.advance(g));
    a16(hmtx, full.lsb(g));
  }
  a32(loca, static_cast<uint32_t>(glyf.size()));
  std::map<std::string, std::string> tables{{"glyf", glyf}, {"loca", loca}, {"hmtx", hmtx}};
  for (const char* t : {"head", "hhea", "maxp"}) tables[t] = std::string(full.table(t));
  w16(tables["head"], 50, 1);
  w16(tables["hhea"], 34, static_cast<uint32_t>(ids.size()));
  w16(tables["maxp"], 4, static_cast<uint32_t>(ids.size()));
  std::string font = build_sfnt(tables);
  std::vector<uint16_t> order{0, 39, 1, 7, 7, 20};
  std::optional<CompactFont> r = subset_truetype(font, order);
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(mismatch(font, order, *r) == "");
  BOOST_TEST(r->glyph_count == order.size());
  Sfnt out(r->program);
  BOOST_TEST(!out.has("post"));
  BOOST_TEST(out.loca_format == 0);
  BOOST_TEST(!subset_truetype(font, std::vector<uint16_t>{0, 40}).has_value());
}

BOOST_AUTO_TEST_CASE(truncated_fonts_are_refused) {
  const std::string& font = sparse();
  const std::vector<uint16_t> order = order_of(kChosen);
  BOOST_TEST_REQUIRE(subset_truetype(font, order).has_value());
  Outcome o;
  std::string_view bytes(font);
  for (size_t n = 0; n < font.size(); n += n < 400 ? 1 : 97) o.run(bytes.substr(0, n), order);
  for (size_t n = font.size() - 64; n < font.size(); ++n) o.run(bytes.substr(0, n), order);
  BOOST_TEST(o.invalid == 0, o.first_problem);
  // Every table is needed and the last one ends the file: only a cut in its
  // padding (if it has any) can leave a font.
  BOOST_TEST(o.valid <= 3);
  BOOST_TEST(o.rejected > 1000);
}

BOOST_AUTO_TEST_CASE(flipped_bytes_never_crash) {
  const std::string& font = sparse();
  const std::vector<uint16_t> order = order_of(kChosen);
  Sfnt f(font);
  // Where corruption matters most: the directory and the small tables, loca,
  // and the composite glyphs (their component records).
  std::vector<std::pair<size_t, size_t>> regions{{0, font.size()}, {0, 12 + 16 * f.tables.size()}};
  for (const char* t : {"head", "hhea", "maxp", "loca", "post"}) {
    size_t at = static_cast<size_t>(f.table(t).data() - font.data());
    regions.emplace_back(at, at + f.table(t).size());
  }
  size_t glyf_at = static_cast<size_t>(f.table("glyf").data() - font.data());
  for (size_t g = 0; g < f.glyphs; ++g)
    if (!f.components(g).empty())
      regions.emplace_back(glyf_at + f.loca[g], glyf_at + f.loca[g + 1]);
  BOOST_TEST_REQUIRE(regions.size() > 8u);

  std::mt19937 random(20261123);
  Outcome o;
  for (int i = 0; i < 3000; ++i) {
    std::string bytes = font;
    auto [from, to] = regions[random() % regions.size()];
    for (int k = 1 + static_cast<int>(random() % 3); k > 0; --k) {
      size_t at = from + random() % (to - from);
      bytes[at] = static_cast<char>(bytes[at] ^ (1 + random() % 255));
    }
    o.run(bytes, order);
  }
  BOOST_TEST_MESSAGE("flips: " << o.valid << " valid, " << o.rejected << " refused");
  BOOST_TEST(o.invalid == 0, o.first_problem);
  BOOST_TEST(o.valid > 100);     // most flips land in data copied as is
  BOOST_TEST(o.rejected > 100);  // and many in what is checked
}

BOOST_AUTO_TEST_CASE(malformed_fonts_give_nullopt) {
  const std::string& font = sparse();
  const std::vector<uint16_t> order = order_of(kChosen);
  Sfnt f(font);
  auto record = [&](const char* tag) { return f.record.at(tag); };
  auto table_at = [&](const char* tag) {
    return static_cast<size_t>(f.table(tag).data() - font.data());
  };
  auto refused = [&](const std::string& bytes) {
    return !subset_truetype(bytes, order).has_value();
  };
  auto edit = [&](auto change) {
    std::string bytes = font;
    change(bytes);
    return bytes;
  };
  BOOST_TEST(!refused(font));

  BOOST_TEST(refused(""));
  BOOST_TEST(refused(std::string(4096, '\0')));
  BOOST_TEST(refused(edit([](std::string& b) { w16(b, 4, 0); })));  // zero tables
  BOOST_TEST(refused(edit([](std::string& b) { w16(b, 4, 0xFFFF); })));
  BOOST_TEST(refused(edit([](std::string& b) { w32(b, 0, 0x4F54544F); })));  // 'OTTO'
  BOOST_TEST(refused(edit([](std::string& b) { w32(b, 0, 0x74746366); })));  // 'ttcf'
  // Offsets and lengths past the end, also when their sum wraps at 32 bits.
  BOOST_TEST(refused(
      edit([&](std::string& b) { w32(b, record("glyf") + 8, static_cast<uint32_t>(b.size())); })));
  BOOST_TEST(refused(edit([&](std::string& b) { w32(b, record("loca") + 12, 0xFFFFFFFF); })));
  BOOST_TEST(refused(edit([&](std::string& b) {
    w32(b, record("hmtx") + 8, 0xFFFFFFF0);
    w32(b, record("hmtx") + 12, 0x20);
  })));
  BOOST_TEST(refused(edit([&](std::string& b) { b.replace(record("prep"), 4, "glyf"); })));
  BOOST_TEST(refused(edit([&](std::string& b) { b.replace(record("maxp"), 4, "maxq"); })));
  // head, hhea, maxp, hmtx themselves.
  BOOST_TEST(refused(edit([&](std::string& b) { w32(b, table_at("head") + 12, 0); })));
  BOOST_TEST(refused(edit([&](std::string& b) { w16(b, table_at("head") + 50, 2); })));
  BOOST_TEST(refused(edit([&](std::string& b) { w16(b, table_at("maxp") + 4, 0); })));
  BOOST_TEST(refused(edit([&](std::string& b) { w16(b, table_at("maxp") + 4, 0xFFFF); })));
  BOOST_TEST(refused(edit([&](std::string& b) { w16(b, table_at("hhea") + 34, 0); })));
  BOOST_TEST(refused(edit([&](std::string& b) {
    w16(b, table_at("hhea") + 34, static_cast<uint32_t>(f.glyphs + 1));
  })));
  BOOST_TEST(refused(edit([&](std::string& b) { w32(b, record("hmtx") + 12, 100); })));
  BOOST_TEST(refused(edit([&](std::string& b) { w32(b, record("post") + 12, 31); })));
  // Fewer glyphs than `order` names (hhea follows, loca and hmtx still fit).
  uint16_t highest = *std::max_element(order.begin(), order.end());
  BOOST_TEST(refused(edit([&](std::string& b) {
    w16(b, table_at("maxp") + 4, highest);
    w16(b, table_at("hhea") + 34, highest);
  })));
  // loca: decreasing, past glyf, a glyph too short to have a header.
  size_t loca = table_at("loca");
  size_t kept = 0;
  for (size_t g = 1; g < f.glyphs && !kept; ++g)
    if (!f.glyph(g).empty()) kept = g;
  BOOST_TEST_REQUIRE((std::find(order.begin(), order.end(), kept) != order.end()));
  BOOST_TEST(
      refused(edit([&](std::string& b) { w32(b, loca + 4 * (kept + 1), f.loca[kept] - 4); })));
  BOOST_TEST(refused(edit([&](std::string& b) { w32(b, loca + 4 * kept, f.loca[kept + 1] + 4); })));
  BOOST_TEST(refused(edit([&](std::string& b) {
    w32(b, loca + 4 * f.glyphs, static_cast<uint32_t>(f.table("glyf").size() + 4));
  })));
  BOOST_TEST(refused(edit([&](std::string& b) {
    for (size_t g = kept + 1; g <= f.glyphs; ++g) w32(b, loca + 4 * g, f.loca[kept] + 5);
  })));
  // Composites: a component past numGlyphs, a record cut short; a composite
  // that names itself is no error (kept once, the loop ends).
  size_t composite = 0;
  for (size_t g = 0; g < f.glyphs && !composite; ++g)
    if (!f.components(g).empty() && std::find(order.begin(), order.end(), g) != order.end())
      composite = g;
  BOOST_TEST_REQUIRE(composite != 0u);
  size_t id_at = table_at("glyf") + f.loca[composite] + f.components(composite)[0];
  BOOST_TEST(
      refused(edit([&](std::string& b) { w16(b, id_at, static_cast<uint32_t>(f.glyphs)); })));
  BOOST_TEST(refused(edit([&](std::string& b) {
    w16(b, id_at - 2, 0x0020);  // MORE_COMPONENTS on every record: runs off the glyph
    for (size_t p : f.components(composite))
      w16(b, table_at("glyf") + f.loca[composite] + p - 2, 0x0021);
  })));
  std::string self = edit([&](std::string& b) { w16(b, id_at, static_cast<uint32_t>(composite)); });
  std::optional<CompactFont> r = subset_truetype(self, order);
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(mismatch(self, order, *r) == "");
  Sfnt out(r->program);
  BOOST_TEST(out.component_ids(r->new_gid[composite])[0] == r->new_gid[composite]);

  // Random garbage, with and without a plausible header.
  std::mt19937 random(7);
  Outcome o;
  const std::vector<uint16_t> small{0, 1, 2, 3}, notdef{0};
  for (int i = 0; i < 2000; ++i) {
    std::string bytes(random() % 2048, '\0');
    for (char& c : bytes) c = static_cast<char>(random());
    if (i % 2 && bytes.size() >= 12) {
      w32(bytes, 0, 0x00010000);
      w16(bytes, 4, 1 + random() % 12);
    }
    o.run(bytes, i % 4 < 2 ? small : notdef);
  }
  BOOST_TEST(o.invalid == 0, o.first_problem);
}

BOOST_AUTO_TEST_SUITE_END()
