// Drawing a template for one decision: fill the slots (document facts,
// decision fields, loop items), evaluate conditions, and hand each block to
// the PDF layout. Nothing here decides anything about the mission.
#include <optional>
#include <stdexcept>

#include "../pdf/pdf_sink.h"
#include "../pdf/render_limits.h"
#include "../pdf/text.h"
#include "../render/decision_fields.h"
#include "../util/format.h"
#include "clef/render.h"
#include "emit.h"
#include "template.h"

namespace clef {
namespace doc {
namespace {

using detail::Slot;

Colour colour_of(std::string_view name) {
  return colour_named(name);
}

// French spacing: a narrow no-break space before ; ! ? and inside « »,
// a no-break space before a colon — so that punctuation never starts a line
// (the layout breaks lines at ASCII spaces only). One pass from space to
// space: a text full of punctuation costs no more than any other, and one
// without any is left as it is.
void french_spacing(std::string& s) {
  constexpr std::string_view kNarrow = "\u202F", kNoBreak = "\u00A0";
  const std::string_view in = s;
  auto replacement = [&](size_t space) -> std::string_view {
    const std::string_view before = in.substr(0, space), after = in.substr(space + 1);
    if (after.starts_with(';') || after.starts_with('!') || after.starts_with('?')) return kNarrow;
    if (after.starts_with(':')) return kNoBreak;
    if (before.ends_with("«") || after.starts_with("»")) return kNarrow;
    return {};
  };
  std::string out;
  size_t copied = 0;
  bool changed = false;
  for (size_t at = in.find(' '); at != std::string_view::npos; at = in.find(' ', at + 1)) {
    const std::string_view to = replacement(at);
    if (to.empty()) continue;
    if (!changed) out.reserve(s.size() + 16);
    changed = true;
    out.append(in.substr(copied, at - copied));
    out.append(to);
    copied = at + 1;
  }
  if (!changed) return;
  out.append(in.substr(copied));
  s = std::move(out);
}

class Renderer {
 public:
  Renderer(const Template& t, const Labels& labels, const Decision& d, Lang lang,
           const RenderLimits& limits)
      : t_(t),
        labels_(labels),
        d_(d),
        lang_(lang),
        limits_(limits),
        explanations_(d.findings.size()) {
    slots_.resize(t.slots.size());
    std::copy(d.facts->values.begin(), d.facts->values.end(), slots_.begin());
    fill_decision();
  }

  DocumentInfo info() {
    DocumentInfo m;
    bool fr = lang_ == Lang::fr;
    m.title = text(t_.title);
    m.author = t_.author.empty() ? "clef" : text(t_.author);
    m.subject = text(t_.subject);
    m.keywords = text(t_.keywords);
    m.created = d_.as_of;
    m.footer =
        (fr ? "Décision " : "Decision ") + d_.id + (fr ? " · règles " : " · rules ") + d_.revision;
    m.page_label = fr ? "Page {n} sur {m}" : "Page {n} of {m}";
    return m;
  }

  void draw(BlockSink& sink) {
    walk(t_.body, [&](const Node& n) { block(sink, n); });
  }

 private:
  // ---- slots

  void set(uint16_t slot, std::string s) { slots_[slot] = Value(std::move(s)); }
  void set(uint16_t slot, std::string_view s) { slots_[slot] = Value(std::string(s)); }
  void set(uint16_t slot, const char* s) { slots_[slot] = Value(std::string(s)); }
  void set(uint16_t slot, double n) { slots_[slot] = Value(n); }
  void set(uint16_t slot, bool b) { slots_[slot] = Value(b); }

  // Each slot from the member it names (render/decision_fields.h), in the
  // order names.cc gave them slots.
  template <class Item>
  void fill(std::span<const fields::Member<Item>> members, uint16_t first,
            const fields::View<Item>& view, bool explanation = true) {
    uint16_t slot = first;
    for (const auto& m : members) {
      if (m.name.empty()) continue;
      if (explanation || !m.needs_explanation) slots_[slot] = m.slot(view);
      ++slot;
    }
  }

  void fill_decision() {
    fill(fields::decision_members(), static_cast<uint16_t>(catalogue().size()),
         fields::View<Decision>{d_, d_, lang_});
  }

  void fill_finding(const Node& loop, size_t index) {
    fields::View<Finding> view{d_, d_.findings[index], lang_, nullptr, &explanations_[index]};
    fill(fields::finding_members(), loop.first_slot, view, loop.needs_explanation);
  }

  void fill_key(const Node& loop, const KeySummary& k) {
    fill(fields::key_members(), loop.first_slot,
         fields::View<KeySummary>{d_, k, lang_, &labels_.keys});
  }

  void fill_fit(const Node& loop, const SchemeFit& fit) {
    fill(fields::fit_members(), loop.first_slot, fields::View<SchemeFit>{d_, fit, lang_});
  }

  void fill_fact(const Node& loop, const MissingFact& m) {
    fill(fields::missing_members(), loop.first_slot, fields::View<MissingFact>{d_, m, lang_});
  }

  // ---- control

  bool test(const Expr& e) {
    if (e.empty()) return true;
    static const std::vector<const Value*> kNoParams;
    detail::EvalContext context{&slots_, &kNoParams};
    const Slot& r = detail::evaluate(e, context, eval_);
    return r.known && r.b;  // unknown is not true: a missing fact never shows a block
  }

  // ---- budget: counted as the template is walked, so that loops that
  // multiply stop at once rather than when the memory is gone.

  void step() {
    if (++steps_ > limits_.steps) pdf::exceeded_steps(limits_.steps);
  }
  void produced(size_t bytes) {
    text_bytes_ += bytes;
    if (text_bytes_ > limits_.text_bytes) pdf::exceeded_text(limits_.text_bytes, false);
  }

  template <class Leaf>
  void walk(const std::vector<Node>& nodes, Leaf&& leaf) {
    for (const Node& n : nodes) {
      step();
      if (n.element == Element::if_) {
        walk(test(n.when) ? n.children : n.otherwise, leaf);
      } else if (!test(n.when)) {
        continue;
      } else if (n.element == Element::for_) {
        loop(n, [&] { walk(n.children, leaf); });
      } else {
        leaf(n);
      }
    }
  }

  template <class Body>
  void loop(const Node& n, Body&& body) {
    auto run = [&] {
      step();
      if (test(n.where)) body();
    };
    switch (n.source) {
      case Source::findings:
        for (size_t i = 0; i < d_.findings.size(); ++i) fill_finding(n, i), run();
        break;
      case Source::keys:
        for (auto& k : d_.keys) fill_key(n, k), run();
        break;
      case Source::scheme_fit:
        for (auto& f : d_.scheme_fit) fill_fit(n, f), run();
        break;
      case Source::missing_facts:
        for (auto& m : d_.missing) fill_fact(n, m), run();
        break;
      case Source::text_list:
        if (auto* list = d_.facts->values[n.list_field].get<TextList>())
          for (auto& s : *list) set(n.first_slot, s), run();
        break;
      case Source::record_list:
        if (auto* list = d_.facts->values[n.list_field].get<RecordList>())
          for (auto& record : *list) {
            for (size_t i = 0; i < record.size(); ++i) slots_[n.first_slot + i] = record[i];
            run();
          }
        break;
    }
  }

  // ---- text

  std::string format(uint16_t slot) {
    const Value& v = slots_[slot];
    const SlotFormat& f = t_.slots[slot];
    if (!v.known()) return lang_ == Lang::fr ? "[à compléter]" : "[to be completed]";
    if (auto* s = v.get<std::string>()) {
      if (f.field_type == FieldType::country) return format_country(*s, lang_);
      if (f.field_type == FieldType::enumeration) {
        if (f.field_path == "scheme") return std::string(scheme_label(*s, lang_));
        if (auto* l = labels_.value(f.field_path, *s, lang_)) return *l;
      }
      return *s;
    }
    if (auto* d = v.get<Date>()) return date(*d);
    return format_value(v, f.unit, lang_);
  }

  // No-break spaces keep a date on one line (the layout breaks at spaces).
  std::string date(Date d) { return pdf::replace_all(format_date(d, lang_), " ", "\u00A0"); }

  std::string text(const Text& t) {
    std::string out;
    for (const Piece& p : t.lang[lang_ == Lang::fr ? 0 : 1])
      out += p.slot == kNone ? p.literal : format(p.slot);
    if (lang_ == Lang::fr) french_spacing(out);
    produced(out.size());
    return out;
  }

  // ---- blocks

  void block(BlockSink& layout, const Node& n) {
    switch (n.element) {
      case Element::heading:
        return layout.heading(text(n.text), n.level, n.mm);
      case Element::paragraph:
        return layout.paragraph(text(n.text), n.style);
      case Element::badge:
        return layout.badge(uppercase(text(n.text), lang_), colour_of(text(n.colour)));
      case Element::spacer:
        return layout.spacer(n.mm);
      case Element::page_break:
        return layout.page_break();
      case Element::watermark:
        return layout.watermark(text(n.text));
      case Element::bullets: {
        std::vector<std::string> items;
        const Node* empty = nullptr;
        walk(n.children, [&](const Node& c) {
          if (c.element == Element::empty)
            empty = &c;
          else
            items.push_back(text(c.text));
        });
        if (!items.empty()) return layout.bullets(items, n.style);
        if (empty) layout.paragraph(text(empty->text), empty->style);
        return;
      }
      case Element::keyvalues: {
        std::vector<std::pair<std::string, std::string>> pairs;
        walk(n.children, [&](const Node& c) { pairs.emplace_back(text(c.text), text(c.value)); });
        if (!pairs.empty()) layout.key_values(pairs);
        return;
      }
      case Element::table: {
        std::vector<std::vector<std::string>> rows;
        const Node* empty = nullptr;
        walk(n.children, [&](const Node& row) {
          if (row.element == Element::empty) {
            empty = &row;
            return;
          }
          std::vector<std::string> cells;
          for (const Node& cell : row.children) cells.push_back(text(cell.text));
          rows.push_back(std::move(cells));
        });
        if (rows.empty() && empty) return layout.paragraph(text(empty->text), empty->style);
        std::vector<Column> columns = n.columns;
        for (size_t i = 0; i < columns.size(); ++i) columns[i].title = text(n.column_titles[i]);
        return layout.table(columns, rows);
      }
      case Element::box: {
        std::vector<std::string> lines;
        walk(n.children, [&](const Node& c) { lines.push_back(text(c.text)); });
        return layout.box(text(n.value), lines, colour_of(text(n.colour)));
      }
      default:
        return;  // items, rows, cells… are drawn by their container
    }
  }

  const Template& t_;
  const Labels& labels_;
  const Decision& d_;
  Lang lang_;
  const RenderLimits& limits_;
  size_t steps_ = 0, text_bytes_ = 0;
  std::vector<Value> slots_;
  std::vector<Slot> eval_;
  std::vector<std::optional<Explanation>> explanations_;
};

}  // namespace

void emit(const TemplateSet& templates, std::string_view id, const Decision& decision, Lang lang,
          const RenderLimits& limits, BlockSink& sink) {
  const Template* t = templates.impl().find(id);
  if (!t) throw std::runtime_error("modèle inconnu « " + std::string(id) + " »");
  if ((t->kinds & static_cast<uint8_t>(decision.kind)) == 0)
    throw std::runtime_error("le modèle « " + std::string(id) +
                             " » ne s'applique pas à un document " +
                             std::string(to_string(decision.kind)));
  try {
    Renderer renderer(*t, templates.impl().labels, decision, lang, limits);
    sink.begin(renderer.info());
    renderer.draw(sink);
  } catch (const RenderLimitExceeded& e) {
    throw RenderLimitExceeded("modèle « " + std::string(id) + " » : " + e.message_fr,
                              "template \"" + std::string(id) + "\": " + e.message_en);
  }
}

}  // namespace doc

std::string render_pdf(const TemplateSet& templates, std::string_view id, const Decision& decision,
                       const PdfOptions& options, std::vector<char32_t>* missing_glyphs) {
  pdf::PdfSink sink(options.font_dir, options.limits);
  doc::emit(templates, id, decision, options.lang, options.limits, sink);
  try {
    std::string pdf = sink.finish();
    if (missing_glyphs) *missing_glyphs = sink.missing_glyphs();
    return pdf;
  } catch (const RenderLimitExceeded& e) {
    throw RenderLimitExceeded("modèle « " + std::string(id) + " » : " + e.message_fr,
                              "template \"" + std::string(id) + "\": " + e.message_en);
  }
}

}  // namespace clef
