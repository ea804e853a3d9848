// The template evaluator is not tied to PDF: it emits blocks to any sink.
// A sink that records them shows what a workbook writer would receive.
#include <boost/test/unit_test.hpp>

#include "clef/documents.h"
#include "doc/emit.h"
#include "pdf_support.h"
#include "render/decision_fields.h"
#include "support.h"

using namespace clef;
using namespace clef::test;

namespace {

struct Recorder final : doc::BlockSink {
  doc::DocumentInfo info;
  std::vector<std::string> blocks;  // "kind: text"

  void begin(const doc::DocumentInfo& i) override { info = i; }
  void heading(std::string_view t, int level, double) override {
    blocks.push_back("h" + std::to_string(level) + ": " + std::string(t));
  }
  void paragraph(std::string_view t, doc::TextStyle) override {
    blocks.push_back("p: " + std::string(t));
  }
  void bullets(const std::vector<std::string>& items, doc::TextStyle) override {
    blocks.push_back("bullets: " + std::to_string(items.size()));
  }
  void key_values(const std::vector<std::pair<std::string, std::string>>& pairs) override {
    for (auto& [k, v] : pairs) blocks.push_back("kv: " + k + " = " + v);
  }
  void table(const std::vector<doc::Column>& columns,
             const std::vector<std::vector<std::string>>& rows) override {
    blocks.push_back("table: " + std::to_string(columns.size()) + " columns, " +
                     std::to_string(rows.size()) + " rows, first " +
                     (columns.empty() ? "" : columns[0].title));
  }
  void box(std::string_view title, const std::vector<std::string>&, doc::Colour c) override {
    blocks.push_back("box: " + std::string(title) + (c == doc::Colour::red ? " (red)" : ""));
  }
  void badge(std::string_view t, doc::Colour c) override {
    blocks.push_back("badge: " + std::string(t) + (c == doc::Colour::red ? " (red)" : ""));
  }
  void spacer(double) override {}
  void page_break() override { blocks.push_back("page break"); }
  void watermark(std::string_view t) override { blocks.push_back("watermark: " + std::string(t)); }

  bool has(const std::string& block) const {
    return std::find(blocks.begin(), blocks.end(), block) != blocks.end();
  }
  size_t starting(const std::string& prefix) const {
    return std::count_if(blocks.begin(), blocks.end(),
                         [&](const std::string& b) { return b.starts_with(prefix); });
  }
};

std::shared_ptr<const TemplateSet> templates() {
  static const auto set = [] {
    std::vector<TemplateError> errors;
    auto t = TemplateSet::load(source_path("templates"), errors);
    BOOST_REQUIRE(t);
    return t;
  }();
  return set;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(blocks_test)

BOOST_AUTO_TEST_CASE(a_report_as_blocks) {
  CheckOptions options;
  options.as_of = Date::from_ymd(2026, 1, 1);
  Decision d = check_file("samples/faulty/guinee-vsi-30-mois.xml", options);
  Recorder r;
  doc::emit(*templates(), "report", d, Lang::fr, {}, r);
  BOOST_TEST(r.info.footer.find(d.id) != std::string::npos, r.info.footer);
  BOOST_TEST(r.info.created.iso() == "2026-01-01");
  BOOST_TEST(r.has("h1: Rapport de conformité"), r.blocks.front());
  BOOST_TEST(r.has("badge: NON CONFORME (red)"));
  BOOST_TEST(r.starting("table: ") >= 2u);
  BOOST_TEST(r.starting("kv: ") >= 5u);

  Recorder en;
  doc::emit(*templates(), "report", d, Lang::en, {}, en);
  BOOST_TEST(en.has("badge: NOT CONFORMING (red)"));
  BOOST_TEST(en.blocks.size() == r.blocks.size());
}

BOOST_AUTO_TEST_CASE(draft_terms_of_reference_carry_their_watermark) {
  Decision d = check_file("samples/faulty/guinee-vsi-30-mois.xml");
  Recorder r;
  doc::emit(*templates(), "tor-mission", d, Lang::fr, {}, r);
  BOOST_TEST(r.has("watermark: PROJET — NON CONFORME"));
  BOOST_TEST(r.starting("box: ") == 1u);
}

BOOST_AUTO_TEST_CASE(limits_and_wrong_templates_stop_the_evaluator) {
  Decision d = check_file("samples/missions/guinee-riziculture.xml");
  Recorder r;
  RenderLimits tiny;
  tiny.steps = 10;
  BOOST_TEST(limit_message([&] {
               doc::emit(*templates(), "report", d, Lang::fr, tiny, r);
             }).find("modèle « report »") != std::string::npos);
  BOOST_CHECK_THROW(doc::emit(*templates(), "nope", d, Lang::fr, {}, r), std::runtime_error);
  BOOST_CHECK_THROW(doc::emit(*templates(), "tor-call", d, Lang::fr, {}, r), std::runtime_error);
}

// The names a template may use come from the one description of a decision's
// members (render/decision_fields.h); docs/templates.md lists them all.
BOOST_AUTO_TEST_CASE(every_template_name_is_documented) {
  const std::string doc = read_text(source_path("docs/templates.md"));
  auto documented = [&](auto members) {
    for (const auto& m : members)
      if (!m.name.empty())
        BOOST_TEST(doc.find("`" + std::string(m.name) + "`") != std::string::npos,
                   "docs/templates.md lacks " << m.name);
  };
  documented(fields::decision_members());
  documented(fields::finding_members());
  documented(fields::key_members());
  documented(fields::fit_members());
  documented(fields::missing_members());
}

BOOST_AUTO_TEST_SUITE_END()
