// The template loader: the bundled templates load; a broken one is refused
// with every error, each at its file:line:column, in one pass.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "clef/documents.h"
#include "support.h"

using namespace clef;
using namespace clef::test;
namespace fs = std::filesystem;

namespace {

// A templates directory holding the bundled labels and `files`.
struct TempTemplates {
  fs::path dir;
  explicit TempTemplates(const std::vector<std::pair<std::string, std::string>>& files) {
    dir = fs::temp_directory_path() /
          ("clef-templates-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy_file(source_path("templates/labels.xml"), dir / "labels.xml");
    for (auto& [name, text] : files) std::ofstream(dir / name, std::ios::binary) << text;
  }
  ~TempTemplates() { fs::remove_all(dir); }
  std::vector<TemplateError> load() const {
    std::vector<TemplateError> errors;
    auto set = TemplateSet::load(dir.string(), errors);
    BOOST_CHECK(!set == !errors.empty());
    return errors;
  }
  static inline int counter = 0;
};

// The error at file:line:column, if one was reported there.
const TemplateError* at(const std::vector<TemplateError>& errors, const std::string& file,
                        uint32_t line, uint32_t column) {
  for (auto& e : errors)
    if (fs::path(e.file).filename() == file && e.position.line == line &&
        e.position.column == column)
      return &e;
  return nullptr;
}

std::string all(const std::vector<TemplateError>& errors) {
  std::string out;
  for (auto& e : errors) out += e.format() + "\n";
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(templates_test)

BOOST_AUTO_TEST_CASE(bundled_templates_load) {
  std::vector<TemplateError> errors;
  auto set = TemplateSet::load(source_path("templates"), errors);
  BOOST_TEST_INFO(all(errors));
  BOOST_REQUIRE(set);
  for (auto id : {"report", "tor-mission", "tor-call", "contract-vsi", "contract-service-civique",
                  "agreement-conge-solidarite"})
    BOOST_TEST(set->has(id), id);
}

BOOST_AUTO_TEST_CASE(every_error_of_every_file_in_one_pass) {
  // Line numbers matter: each error below is on its own line.
  const std::string broken =
      "<template id=\"report\" kinds=\"mission\">\n"                                        // 1
      "  <meta><title><t lang=\"fr\">R</t><t lang=\"en\">R</t></title></meta>\n"            // 2
      "  <heading level=\"1\">{document.host.nmae}</heading>\n"                             // 3
      "  <paragraph when=\"document.duration > 3\">x</paragraph>\n"                         // 4
      "  <parapgraph>x</parapgraph>\n"                                                      // 5
      "  <paragraph><t lang=\"fr\">seulement en français</t></paragraph>\n"                 // 6
      "  <table><column>A</column><column>B</column><row><cell>1</cell></row></table>\n"    // 7
      "  <for each=\"f\" in=\"decision.finding\"><paragraph>{f.title}</paragraph></for>\n"  // 8
      "  <paragraph>{decision.status</paragraph>\n"                                         // 9
      "  <badge colour=\"pink\">x</badge>\n"                                                // 10
      "  <paragraph>{document.object}</paragraph>\n"                                        // 11
      "</template>\n";
  const std::string malformed = "<template id=\"tor-mission\" kinds=\"mission\">\n<meta>\n";
  TempTemplates t({{"report.xml", broken}, {"tor-mission.xml", malformed}});
  auto errors = t.load();
  BOOST_TEST_INFO(all(errors));

  auto expect = [&](uint32_t line, uint32_t column, const std::string& words) {
    const TemplateError* e = at(errors, "report.xml", line, column);
    BOOST_TEST_INFO("report.xml:" << line << ":" << column << " — " << words << "\n"
                                  << all(errors));
    BOOST_REQUIRE(e);
    BOOST_TEST(e->message.find(words) != std::string::npos, e->message);
  };
  expect(3, 23, "vouliez-vous dire « document.host.name »");
  expect(4, 20, "nom inconnu « document.duration »");
  expect(5, 3, "<parapgraph> inattendu");
  BOOST_TEST(all(errors).find("vouliez-vous dire <paragraph>") != std::string::npos);
  expect(6, 3, "<t lang=\"en\"> manquant");
  expect(7, 46, "<row> a 1 cellule(s), la table a 2 colonne(s)");
  expect(8, 21, "n'est pas une liste");
  BOOST_TEST(all(errors).find("vouliez-vous dire « decision.findings »") != std::string::npos);
  expect(9, 14, "« { » sans « } »");
  expect(10, 18, "colour : green, orange, red");
  // document.object exists, but for agreements only.
  expect(11, 15, "nom inconnu « document.object »");
  // The second file's errors come in the same pass, and so do the missing templates.
  BOOST_TEST(all(errors).find("tor-mission.xml:2:7: XML mal formé") != std::string::npos);
  BOOST_TEST(all(errors).find("modèle « contract-vsi » manquant") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(conditions_are_typed_and_enumerations_checked) {
  const std::string t =
      "<template id=\"report\" kinds=\"mission\">\n"
      "  <meta><title>x</title></meta>\n"
      "  <paragraph when=\"decision.status == 'conform'\">x</paragraph>\n"
      "  <paragraph when=\"document.start_date > 3\">x</paragraph>\n"
      "  <for each=\"finding\" in=\"decision.findings\" where=\"finding.severity == 'grave'\">"
      "<paragraph>{finding.message}</paragraph></for>\n"
      "  <for each=\"document\" in=\"decision.keys\"><paragraph>x</paragraph></for>\n"
      "</template>\n";
  TempTemplates dir({{"report.xml", t}});
  auto errors = dir.load();
  std::string text = all(errors);
  BOOST_TEST_INFO(text);
  BOOST_TEST(text.find("report.xml:3:") != std::string::npos);
  BOOST_TEST(text.find("valeur « conform » impossible") != std::string::npos);
  BOOST_TEST(text.find("report.xml:4:") != std::string::npos);
  BOOST_TEST(text.find("valeur « grave » impossible") != std::string::npos);
  BOOST_TEST(text.find("each : un nom en minuscules attendu, autre que document") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(cli_templates_check) {
  Run ok = run_clef("templates check");
  BOOST_TEST(ok.exit_code == 0, ok.err);
  BOOST_TEST(ok.out.find("6 modèles valides") != std::string::npos, ok.out);

  TempTemplates dir({{std::string("report.xml"),
                      "<template id=\"report\" kinds=\"mission\"><meta/></template>"}});
  Run bad = run_clef("templates check --templates " + dir.dir.string());
  BOOST_TEST(bad.exit_code == 3);
  BOOST_TEST(bad.err.find("report.xml:1:") != std::string::npos, bad.err);
  BOOST_TEST(bad.err.find("<title> manquant") != std::string::npos, bad.err);
  BOOST_TEST(bad.err.find("modèles refusés") != std::string::npos, bad.err);
}

BOOST_AUTO_TEST_SUITE_END()
