#include "pdf/ttf_compact.h"

#include <algorithm>
#include <array>
#include <limits>

namespace clef::pdf {

namespace {

// Reads assume the caller checked the bounds; every caller does, against the
// size of the string_view it reads from.
uint16_t get16(std::string_view s, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(s[at]) << 8 |
                               static_cast<unsigned char>(s[at + 1]));
}
uint32_t get32(std::string_view s, size_t at) {
  return static_cast<uint32_t>(get16(s, at)) << 16 | get16(s, at + 2);
}
void set16(std::string& s, size_t at, uint32_t v) {
  s[at] = static_cast<char>((v >> 8) & 0xFF);
  s[at + 1] = static_cast<char>(v & 0xFF);
}
void set32(std::string& s, size_t at, uint32_t v) {
  set16(s, at, v >> 16);
  set16(s, at + 2, v & 0xFFFF);
}
void put16(std::string& s, uint32_t v) {
  s.push_back(static_cast<char>((v >> 8) & 0xFF));
  s.push_back(static_cast<char>(v & 0xFF));
}
void put32(std::string& s, uint32_t v) {
  put16(s, v >> 16);
  put16(s, v & 0xFFFF);
}
// True when [at, at + n) lies within a string of `size` bytes, without overflow.
bool fits(size_t size, size_t at, size_t n) {
  return at <= size && n <= size - at;
}

constexpr uint32_t tag(const char (&t)[5]) {
  return static_cast<uint32_t>(static_cast<unsigned char>(t[0])) << 24 |
         static_cast<uint32_t>(static_cast<unsigned char>(t[1])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(t[2])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(t[3]));
}

// The tables that name no glyph id, copied as they are. The rest are rebuilt
// (glyf, loca, hmtx, head, hhea, maxp, post) or dropped.
constexpr std::array kCopied = {tag("OS/2"), tag("cvt "), tag("fpgm"), tag("gasp"), tag("prep")};

struct Table {
  uint32_t tag = 0;
  std::string_view data;
};

// In `tables`, sorted by tag.
std::optional<std::string_view> find(const std::vector<Table>& tables, uint32_t t) {
  auto it = std::lower_bound(tables.begin(), tables.end(), t,
                             [](const Table& table, uint32_t key) { return table.tag < key; });
  if (it == tables.end() || it->tag != t) return std::nullopt;
  return it->data;
}

// Calls f(offset of the glyph index within `glyph`, glyph index) for each
// component of a composite glyph; false when a record runs past the glyph or
// f returns false. A simple glyph has no components.
template <typename F>
bool for_each_component(std::string_view glyph, F f) {
  if (glyph.size() < 10) return false;  // numberOfContours, xMin…yMax
  if (static_cast<int16_t>(get16(glyph, 0)) >= 0) return true;
  constexpr uint16_t kArgsAreWords = 0x0001, kScale = 0x0008, kMore = 0x0020, kXYScale = 0x0040,
                     kTwoByTwo = 0x0080;
  size_t at = 10;
  uint16_t flags = 0;
  do {
    if (!fits(glyph.size(), at, 4)) return false;
    flags = get16(glyph, at);
    if (!f(at + 2, get16(glyph, at + 2))) return false;
    at += 4;
    at += (flags & kArgsAreWords) ? 4 : 2;
    if (flags & kScale)
      at += 2;
    else if (flags & kXYScale)
      at += 4;
    else if (flags & kTwoByTwo)
      at += 8;
    if (at > glyph.size()) return false;
  } while (flags & kMore);
  // Instructions may follow (WE_HAVE_INSTRUCTIONS): copied, never read.
  return true;
}

uint32_t checksum(std::string_view data) {
  uint32_t sum = 0;
  size_t whole = data.size() / 4 * 4;
  for (size_t at = 0; at < whole; at += 4) sum += get32(data, at);
  if (whole < data.size()) {
    std::array<char, 4> tail{};
    std::copy(data.begin() + static_cast<std::ptrdiff_t>(whole), data.end(), tail.begin());
    sum += get32(std::string_view(tail.data(), tail.size()), 0);
  }
  return sum;
}

// A TrueType font read once: its tables and glyph offsets, views into the
// program (which must outlive it).
struct Parsed {
  uint32_t version = 0;
  std::vector<Table> tables;
  std::string_view head, hhea, maxp, glyf, hmtx;
  std::optional<std::string_view> post;
  size_t glyphs = 0, long_metrics = 0;
  std::vector<uint32_t> offsets;

  std::string_view outline(size_t g) const {
    return glyf.substr(offsets[g], offsets[g + 1] - offsets[g]);
  }
};

std::optional<Parsed> parse(std::string_view program) {
  Parsed p;
  // The table directory. Collections and CFF outlines are not supported.
  if (program.size() < 12) return std::nullopt;
  const uint32_t version = get32(program, 0);
  if (version != 0x00010000 && version != tag("true")) return std::nullopt;
  p.version = version;
  const size_t num_tables = get16(program, 4);
  if (num_tables == 0 || !fits(program.size(), 12, num_tables * 16)) return std::nullopt;
  std::vector<Table> tables;
  tables.reserve(num_tables);
  for (size_t i = 0; i < num_tables; ++i) {
    const size_t record = 12 + i * 16;
    Table t;
    t.tag = get32(program, record);
    const size_t offset = get32(program, record + 8), length = get32(program, record + 12);
    if (!fits(program.size(), offset, length)) return std::nullopt;
    t.data = program.substr(offset, length);
    tables.push_back(t);
  }
  // A tag twice is ambiguous (and checked by sorting: numTables may be 65535).
  std::sort(tables.begin(), tables.end(),
            [](const Table& a, const Table& b) { return a.tag < b.tag; });
  for (size_t i = 1; i < tables.size(); ++i)
    if (tables[i].tag == tables[i - 1].tag) return std::nullopt;

  const auto head = find(tables, tag("head")), hhea = find(tables, tag("hhea")),
             maxp = find(tables, tag("maxp")), loca = find(tables, tag("loca")),
             glyf = find(tables, tag("glyf")), hmtx = find(tables, tag("hmtx")),
             post = find(tables, tag("post"));
  if (!head || !hhea || !maxp || !loca || !glyf || !hmtx) return std::nullopt;
  if (head->size() < 54 || get32(*head, 12) != 0x5F0F3CF5) return std::nullopt;  // magicNumber
  if (hhea->size() < 36 || maxp->size() < 6) return std::nullopt;
  if (post && post->size() < 32) return std::nullopt;

  const size_t glyphs = get16(*maxp, 4);
  const int16_t loca_format = static_cast<int16_t>(get16(*head, 50));
  if (glyphs == 0 || (loca_format != 0 && loca_format != 1)) return std::nullopt;
  const size_t loca_entry = loca_format == 0 ? 2 : 4;
  if (loca->size() / loca_entry < glyphs + 1) return std::nullopt;
  std::vector<uint32_t> offsets(glyphs + 1);
  for (size_t i = 0; i <= glyphs; ++i) {
    offsets[i] = loca_format == 0 ? 2u * get16(*loca, 2 * i) : get32(*loca, 4 * i);
    if ((i > 0 && offsets[i] < offsets[i - 1]) || offsets[i] > glyf->size()) return std::nullopt;
  }

  const size_t long_metrics = get16(*hhea, 34);
  if (long_metrics == 0 || long_metrics > glyphs ||
      hmtx->size() < 4 * long_metrics + 2 * (glyphs - long_metrics))
    return std::nullopt;

  p.tables = std::move(tables);
  p.head = *head, p.hhea = *hhea, p.maxp = *maxp, p.glyf = *glyf, p.hmtx = *hmtx, p.post = post;
  p.glyphs = glyphs;
  p.long_metrics = long_metrics;
  p.offsets = std::move(offsets);
  return p;
}

// Adds the components of the composites among `kept` (transitively, a cycle
// not followed twice) at the end of `kept`. False on a bad composite.
bool close_components(const Parsed& p, std::vector<char>& keep, std::vector<uint16_t>& kept) {
  std::vector<uint16_t> pending(kept.begin(), kept.end());
  while (!pending.empty()) {
    const uint16_t g = pending.back();
    pending.pop_back();
    if (p.outline(g).empty()) continue;  // .notdef, or a component, may be empty
    bool ok = for_each_component(p.outline(g), [&](size_t, uint16_t component) {
      if (component >= p.glyphs) return false;
      if (!keep[component]) {
        keep[component] = 1;
        kept.push_back(component);
        pending.push_back(component);
      }
      return true;
    });
    if (!ok) return false;
  }
  return true;
}

// Writes the font of the glyphs `kept`, in that order (new id = position),
// with out.new_gid giving each old id's new one for component remapping.
std::optional<CompactFont> build(const Parsed& p, const std::vector<uint16_t>& kept,
                                 CompactFont out) {
  const auto& tables = p.tables;
  const auto hmtx = p.hmtx;
  const auto post = p.post;
  const size_t long_metrics = p.long_metrics;
  out.glyph_count = static_cast<uint16_t>(kept.size());

  // glyf, each glyph padded to 4 bytes, components renumbered.
  std::string new_glyf;
  std::vector<size_t> new_offsets;
  new_offsets.reserve(kept.size() + 1);
  for (uint16_t g : kept) {
    new_offsets.push_back(new_glyf.size());
    std::string_view bytes = p.outline(g);
    if (bytes.empty()) continue;
    const size_t start = new_glyf.size();
    new_glyf.append(bytes);
    for_each_component(bytes, [&](size_t at, uint16_t component) {
      set16(new_glyf, start + at, out.new_gid[component]);
      return true;
    });
    new_glyf.resize((new_glyf.size() + 3) / 4 * 4, '\0');
  }
  new_offsets.push_back(new_glyf.size());
  if (new_glyf.size() > std::numeric_limits<uint32_t>::max()) return std::nullopt;

  const bool short_loca = new_glyf.size() <= 2 * 0xFFFFu;
  std::string new_loca;
  for (size_t offset : new_offsets) {
    if (short_loca)
      put16(new_loca, static_cast<uint32_t>(offset / 2));
    else
      put32(new_loca, static_cast<uint32_t>(offset));
  }

  std::string new_hmtx;
  for (uint16_t g : kept) {
    const size_t metric = std::min<size_t>(g, long_metrics - 1);
    put16(new_hmtx, get16(hmtx, 4 * metric));  // advanceWidth
    put16(new_hmtx, g < long_metrics ? get16(hmtx, 4 * g + 2)
                                     : get16(hmtx, 4 * long_metrics + 2 * (g - long_metrics)));
  }

  std::string new_head(p.head), new_hhea(p.hhea), new_maxp(p.maxp);
  set32(new_head, 8, 0);  // checkSumAdjustment, set last
  set16(new_head, 50, short_loca ? 0 : 1);
  set16(new_hhea, 34, out.glyph_count);
  set16(new_maxp, 4, out.glyph_count);

  // Sorted by tag: the directory must be.
  std::vector<std::pair<uint32_t, std::string>> out_tables;
  for (uint32_t t : kCopied)
    if (auto data = find(tables, t)) out_tables.emplace_back(t, std::string(*data));
  out_tables.emplace_back(tag("glyf"), std::move(new_glyf));
  out_tables.emplace_back(tag("head"), std::move(new_head));
  out_tables.emplace_back(tag("hhea"), std::move(new_hhea));
  out_tables.emplace_back(tag("hmtx"), std::move(new_hmtx));
  out_tables.emplace_back(tag("loca"), std::move(new_loca));
  out_tables.emplace_back(tag("maxp"), std::move(new_maxp));
  if (post) {
    std::string new_post(post->substr(0, 32));
    set32(new_post, 0, 0x00030000);
    out_tables.emplace_back(tag("post"), std::move(new_post));
  }
  std::sort(out_tables.begin(), out_tables.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });

  const size_t n = out_tables.size();
  size_t power = 1, log2 = 0;
  while (power * 2 <= n) {
    power *= 2;
    ++log2;
  }
  std::string& font = out.program;
  put32(font, p.version);
  put16(font, static_cast<uint32_t>(n));
  put16(font, static_cast<uint32_t>(power * 16));        // searchRange
  put16(font, static_cast<uint32_t>(log2));              // entrySelector
  put16(font, static_cast<uint32_t>((n - power) * 16));  // rangeShift
  size_t offset = 12 + 16 * n;
  size_t head_offset = 0;
  for (const auto& [t, data] : out_tables) {
    put32(font, t);
    put32(font, checksum(data));
    put32(font, static_cast<uint32_t>(offset));
    put32(font, static_cast<uint32_t>(data.size()));
    if (t == tag("head")) head_offset = offset;
    offset += (data.size() + 3) / 4 * 4;
  }
  if (offset > std::numeric_limits<uint32_t>::max()) return std::nullopt;
  font.reserve(offset);
  for (const auto& table : out_tables) {
    font.append(table.second);
    font.resize((font.size() + 3) / 4 * 4, '\0');
  }
  set32(font, head_offset + 8, 0xB1B0AFBAu - checksum(font));
  return out;
}

}  // namespace

std::optional<CompactFont> subset_truetype(std::string_view program,
                                           std::span<const uint16_t> order) {
  std::optional<Parsed> parsed = parse(program);
  if (!parsed) return std::nullopt;
  const Parsed& p = *parsed;
  if (order.empty() || order[0] != 0 || order.size() > 0xFFFF) return std::nullopt;
  std::vector<char> keep(p.glyphs, 0);
  std::vector<uint16_t> kept;
  CompactFont out;
  out.new_gid.assign(p.glyphs, 0);
  for (uint16_t g : order) {
    if (g >= p.glyphs) return std::nullopt;
    if (!keep[g]) out.new_gid[g] = static_cast<uint16_t>(kept.size());
    keep[g] = 1;
    kept.push_back(g);  // a glyph asked for twice is written twice: ids follow `order`
  }
  const size_t asked = kept.size();
  if (!close_components(p, keep, kept) || kept.size() > 0xFFFF) return std::nullopt;
  for (size_t i = asked; i < kept.size(); ++i) out.new_gid[kept[i]] = static_cast<uint16_t>(i);
  return build(p, kept, std::move(out));
}

}  // namespace clef::pdf
