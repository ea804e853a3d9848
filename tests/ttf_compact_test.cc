// Compacting TrueType subsets (pdf/ttf_compact.h), checked on DejaVu Sans
// itself: the whole font, a subset built the way PoDoFo builds them (every
// glyph id kept, the outlines of the unused glyphs emptied), and corrupted
// copies of it. No font library here: the output is read back with the small
// sfnt reader below, which shares no code with the one under test.
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

using clef::pdf::compact_truetype;
using clef::pdf::CompactFont;

namespace {

const char* const kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const char* const kChosen = "Nguyễn Thị Hương Œuvre «€»";

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
    for (size_t i = 0; i <= glyphs; ++i)
      loca.push_back(loca_format == 0 ? 2 * u16(table("loca"), 2 * i) : u32(table("loca"), 4 * i));
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
    for (const char* gone : {"cmap", "kern", "GPOS", "GSUB", "GDEF", "hdmx", "LTSH", "VDMX"})
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

// The glyphs a compaction must keep, by the test's own reading: .notdef,
// every outline, the components of the composites, transitively.
std::set<size_t> expected_kept(const Sfnt& f) {
  std::set<size_t> kept{0};
  std::vector<size_t> todo{0};
  for (size_t g = 1; g < f.glyphs; ++g)
    if (!f.glyph(g).empty()) kept.insert(g), todo.push_back(g);
  while (!todo.empty()) {
    size_t g = todo.back();
    todo.pop_back();
    for (uint32_t c : f.component_ids(g))
      if (kept.insert(c).second) todo.push_back(c);
  }
  return kept;
}

// Checks the compacted font `out` against its source `in`, glyph by glyph.
void check_against(const Sfnt& in, const CompactFont& compact) {
  BOOST_TEST_REQUIRE(problems(compact.program) == "");
  Sfnt out(compact.program);
  BOOST_TEST_REQUIRE(compact.new_gid.size() == in.glyphs);
  BOOST_TEST(out.glyphs == compact.glyph_count);

  std::set<size_t> kept = expected_kept(in);
  bool blank = kept.size() < in.glyphs;  // a dropped glyph stands for them all
  BOOST_TEST(compact.glyph_count == kept.size() + (blank ? 1 : 0));

  // Old ids to new, increasing; the inverse, to map components back.
  std::map<uint32_t, uint32_t> old_of;
  uint32_t last = 0;
  for (size_t g = 0; g < in.glyphs; ++g) {
    uint32_t n = compact.new_gid[g];
    BOOST_TEST_REQUIRE(n < compact.glyph_count);
    if (kept.count(g)) {
      BOOST_TEST((g == 0 ? n == 0 : n > last));  // distinct, in old-id order
      last = n;
      old_of[n] = static_cast<uint32_t>(g);
    } else {
      // Dropped: empty in the source, drawn as an empty glyph (never .notdef).
      BOOST_TEST(in.glyph(g).empty());
      BOOST_TEST(n != 0);
      BOOST_TEST(out.glyph(n).empty());
      if (!old_of.count(n)) old_of[n] = static_cast<uint32_t>(g);
    }
  }
  BOOST_TEST(old_of.size() == compact.glyph_count);

  size_t composites = 0;
  for (size_t g : kept) {
    uint32_t n = compact.new_gid[g];
    std::string_view was = in.glyph(g), now = out.glyph(n);
    BOOST_TEST_REQUIRE(now.size() >= was.size());
    BOOST_TEST(now.size() - was.size() < 4);
    BOOST_TEST(now.substr(was.size()).find_first_not_of('\0') == std::string_view::npos);
    // Same bytes, once the component ids are mapped back to the old ones.
    std::string restored(now.substr(0, was.size()));
    std::vector<size_t> at = out.components(n);
    if (!at.empty()) ++composites;
    for (size_t p : at) {
      uint32_t component = u16(restored, p);
      BOOST_TEST_REQUIRE(old_of.count(component));
      BOOST_TEST(kept.count(old_of[component]));  // a component is a kept glyph
      w16(restored, p, old_of[component]);
    }
    BOOST_TEST((restored == was), "glyph " << g << " (now " << n << ") differs");
    BOOST_TEST(out.advance(n) == in.advance(g));
    BOOST_TEST(out.lsb(n) == in.lsb(g));
  }
  BOOST_TEST(composites > 0);

  // The tables that name no glyph id are copied; head, hhea and maxp change
  // only where they count or locate glyphs.
  for (const char* same : {"OS/2", "cvt ", "fpgm", "prep", "gasp"})
    if (in.has(same)) BOOST_TEST((out.table(same) == in.table(same)), same);
  auto same_except = [](std::string_view a, std::string_view b, std::set<size_t> changed) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (a[i] != b[i] && !changed.count(i)) return false;
    return true;
  };
  BOOST_TEST(same_except(out.table("head"), in.table("head"), {8, 9, 10, 11, 50, 51}));
  BOOST_TEST(same_except(out.table("hhea"), in.table("hhea"), {34, 35}));
  BOOST_TEST(same_except(out.table("maxp"), in.table("maxp"), {4, 5}));
  BOOST_TEST((out.table("post").substr(4) == in.table("post").substr(4, 28)));

  // The CIDToGIDMap: every old id, big-endian, up to the last non-zero one.
  std::string map = clef::pdf::cid_to_gid_map(compact);
  size_t end = in.glyphs;
  while (end > 1 && compact.new_gid[end - 1] == 0) --end;
  BOOST_TEST(map.size() == 2 * end);
  for (size_t cid = 0; cid < map.size() / 2; ++cid)
    BOOST_TEST_REQUIRE(u16(map, 2 * cid) == compact.new_gid[cid]);
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

// What PoDoFo 0.9.8 embeds: the glyphs of `text` and their components keep
// their outlines, every other glyph id stays with an empty one (loca long,
// hmtx whole), and the tables it copies.
std::string podofo_like_subset(const std::string& full, const char* text) {
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
  for (const char* copied :
       {"OS/2", "cmap", "cvt ", "fpgm", "head", "hhea", "hmtx", "maxp", "post", "prep", "kern"})
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
const std::string& subset() {
  static const std::string font = podofo_like_subset(dejavu(), kChosen);
  return font;
}

// One corrupted input: no crash, and a font only if it is a valid one.
struct Outcome {
  int rejected = 0, valid = 0, invalid = 0;
  std::string first_problem;
  void run(std::string_view bytes) {
    std::optional<CompactFont> r = compact_truetype(bytes);
    if (!r) {
      ++rejected;
      return;
    }
    std::string problem = problems(r->program);
    if (problem.empty()) {
      for (uint16_t n : r->new_gid)
        if (n >= r->glyph_count) problem = "new_gid past glyph_count";
      if (clef::pdf::cid_to_gid_map(*r).size() % 2 != 0) problem = "odd CIDToGIDMap";
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

BOOST_AUTO_TEST_CASE(the_whole_font_keeps_every_outline) {
  Sfnt in(dejavu());
  BOOST_TEST_REQUIRE(in.glyphs > 5000u);
  std::optional<CompactFont> r = compact_truetype(dejavu());
  BOOST_TEST_REQUIRE(r.has_value());
  check_against(in, *r);
  // DejaVu has empty glyphs too (.null, space, the other spaces): they go,
  // all but the blank, and the tables PDF readers never use go with them.
  std::set<size_t> kept = expected_kept(in);
  BOOST_TEST(kept.size() > 5000u);
  BOOST_TEST(kept.size() < in.glyphs);
  BOOST_TEST(r->glyph_count == kept.size() + 1);
  BOOST_TEST(r->program.size() < dejavu().size() - 100000);  // GPOS, post names, cmap…
  BOOST_TEST(in.has("GPOS"));
}

BOOST_AUTO_TEST_CASE(a_podofo_subset_shrinks_to_its_glyphs) {
  Sfnt full(dejavu()), in(subset());
  BOOST_TEST_REQUIRE(in.glyphs == full.glyphs);
  std::optional<CompactFont> r = compact_truetype(subset());
  BOOST_TEST_REQUIRE(r.has_value());
  check_against(in, *r);
  Sfnt out(r->program);
  BOOST_TEST(r->glyph_count < 60);
  BOOST_TEST(out.loca_format == 0);
  BOOST_TEST(out.table("loca").size() == 2u * (r->glyph_count + 1));
  BOOST_TEST(out.table("hmtx").size() == 4u * r->glyph_count);
  BOOST_TEST(r->program.size() < subset().size() - 40000);

  // Each character drawn: its outline and width as in the full font, under a
  // distinct id, increasing with the old one; a space draws nothing.
  std::set<uint32_t> seen;
  std::map<uint32_t, uint32_t> by_old;
  size_t composites = 0;
  for (char32_t c : clef::pdf::decode_utf8(kChosen)) {
    uint32_t g = full.glyph_of(c);
    BOOST_TEST_REQUIRE(g != 0u);
    uint32_t n = r->new_gid[g];
    BOOST_TEST(n != 0u);
    if (full.glyph(g).empty()) {  // U+0020: the blank, whose width the PDF's /W overrides
      BOOST_TEST(out.glyph(n).empty());
      continue;
    }
    BOOST_TEST(out.advance(n) == full.advance(g));
    by_old[g] = n;
    if (seen.insert(n).second && !full.components(g).empty()) {
      ++composites;
      // The components, kept and renumbered: the same glyphs, under new ids.
      std::vector<uint32_t> was = full.component_ids(g), now = out.component_ids(n);
      BOOST_TEST_REQUIRE(was.size() == now.size());
      for (size_t i = 0; i < was.size(); ++i) {
        BOOST_TEST(now[i] == r->new_gid[was[i]]);
        BOOST_TEST(now[i] != 0u);
        BOOST_TEST(!out.glyph(now[i]).empty());
        if (full.components(was[i]).empty())  // nested composites: see check_against
          BOOST_TEST(
              (out.glyph(now[i]).substr(0, full.glyph(was[i]).size()) == full.glyph(was[i])));
      }
    }
  }
  BOOST_TEST(composites >= 2u);  // ễ, ị, ư, ơ are composites in DejaVu Sans
  uint32_t previous = 0;
  for (auto [g, n] : by_old) {
    BOOST_TEST(n > previous);
    previous = n;
  }
  // A glyph never drawn (Z) now shares the blank: empty.
  uint32_t z = full.glyph_of(U'Z');
  BOOST_TEST(r->new_gid[z] != 0u);
  BOOST_TEST(out.glyph(r->new_gid[z]).empty());
  // The map covers every CID, up to the last glyph of the font.
  std::string map = clef::pdf::cid_to_gid_map(*r);
  BOOST_TEST(map.size() == 2 * full.glyphs);
  uint32_t e = full.glyph_of(U'€');
  BOOST_TEST(u16(map, 2 * e) == r->new_gid[e]);
  BOOST_TEST(u16(map, 0) == 0u);
}

BOOST_AUTO_TEST_CASE(nothing_dropped_means_the_identity) {
  // A font whose every glyph has an outline: nothing to drop, no blank.
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
  std::optional<CompactFont> r = compact_truetype(build_sfnt(tables));
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(problems(r->program) == "");
  BOOST_TEST(r->glyph_count == ids.size());
  for (size_t g = 0; g < ids.size(); ++g) BOOST_TEST(r->new_gid[g] == g);
  Sfnt out(r->program);
  BOOST_TEST(!out.has("post"));
  BOOST_TEST(out.loca_format == 0);
  for (size_t g = 0; g < ids.size(); ++g)
    BOOST_TEST((out.glyph(g).substr(0, full.glyph(ids[g]).size()) == full.glyph(ids[g])));
}

BOOST_AUTO_TEST_CASE(truncated_fonts_are_refused) {
  const std::string& font = subset();
  Outcome o;
  for (size_t n = 0; n < font.size(); n += n < 400 ? 1 : 97) o.run(font.substr(0, n));
  for (size_t n = font.size() - 64; n < font.size(); ++n) o.run(font.substr(0, n));
  BOOST_TEST(o.invalid == 0, o.first_problem);
  // Every table is needed and the last one ends the file: only a cut in its
  // padding (if it has any) can leave a font.
  BOOST_TEST(o.valid <= 3);
  BOOST_TEST(o.rejected > 1000);
}

BOOST_AUTO_TEST_CASE(flipped_bytes_never_crash) {
  const std::string& font = subset();
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
    o.run(bytes);
  }
  BOOST_TEST_MESSAGE("flips: " << o.valid << " valid, " << o.rejected << " refused");
  BOOST_TEST(o.invalid == 0, o.first_problem);
  BOOST_TEST(o.valid > 100);     // most flips land in data copied as is
  BOOST_TEST(o.rejected > 100);  // and many in what is checked
}

BOOST_AUTO_TEST_CASE(malformed_fonts_give_nullopt) {
  const std::string& font = subset();
  Sfnt f(font);
  auto record = [&](const char* tag) { return f.record.at(tag); };
  auto table_at = [&](const char* tag) {
    return static_cast<size_t>(f.table(tag).data() - font.data());
  };
  auto refused = [](const std::string& bytes) { return !compact_truetype(bytes).has_value(); };
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
  // loca: decreasing, past glyf, a glyph too short to have a header.
  size_t loca = table_at("loca");
  size_t kept = 0;
  for (size_t g = 1; g < f.glyphs && !kept; ++g)
    if (!f.glyph(g).empty()) kept = g;
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
    if (!f.components(g).empty()) composite = g;
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
  std::optional<CompactFont> r = compact_truetype(self);
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(problems(r->program) == "");
  Sfnt out(r->program);
  BOOST_TEST(out.component_ids(r->new_gid[composite])[0] == r->new_gid[composite]);

  // Random garbage, with and without a plausible header.
  std::mt19937 random(7);
  Outcome o;
  for (int i = 0; i < 2000; ++i) {
    std::string bytes(random() % 2048, '\0');
    for (char& c : bytes) c = static_cast<char>(random());
    if (i % 2 && bytes.size() >= 12) {
      w32(bytes, 0, 0x00010000);
      w16(bytes, 4, 1 + random() % 12);
    }
    o.run(bytes);
  }
  BOOST_TEST(o.invalid == 0, o.first_problem);
}

BOOST_AUTO_TEST_SUITE_END()
