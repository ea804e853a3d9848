// Volunteer files merged into their missions (what `clef contract MISSION
// --volunteer FILE` checks): each bundled volunteer gives the outcome
// samples/volunteers/README.md announces, and the merge replaces the whole
// volunteer block and nothing else.
#include <boost/test/unit_test.hpp>

#include "clef/decision.h"
#include "clef/reader.h"
#include "support.h"

using namespace clef;
using namespace clef::test;

namespace {

Document mission(const std::string& relative) {
  ReadResult r = read_file(source_path(relative));
  BOOST_REQUIRE_MESSAGE(r.document, relative);
  return std::move(*r.document);
}

// The mission with the volunteer file merged in; fails the test on an input error.
Document merged(const std::string& mission_file, const std::string& volunteer_file) {
  Document d = mission(mission_file);
  std::vector<InputError> errors;
  bool ok = read_volunteer_file(source_path(volunteer_file), d, errors);
  for (auto& e : errors) BOOST_TEST_MESSAGE(e.format(Lang::fr));
  BOOST_REQUIRE_MESSAGE(ok, volunteer_file);
  return d;
}

const SchemeFit* current_fit(const Decision& d) {
  for (auto& s : d.scheme_fit)
    if (s.current) return &s;
  return nullptr;
}

const std::string& text(const Document& d, std::string_view path) {
  static const std::string none = "(unknown)";
  const std::string* s = d.values[*find_field(path)].get<std::string>();
  return s ? *s : none;
}

// The canonical form's lines, those of the volunteer left out.
std::string without_volunteer(const std::string& canonical) {
  std::string out;
  size_t start = 0;
  while (start < canonical.size()) {
    size_t end = canonical.find('\n', start);
    if (end == std::string::npos) end = canonical.size();
    std::string_view line(canonical.data() + start, end - start);
    if (!line.starts_with("volunteer.")) out.append(line).append("\n");
    start = end + 1;
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(volunteer_test)

BOOST_AUTO_TEST_CASE(bundled_volunteers_give_their_outcomes) {
  struct Case {
    const char* volunteer;
    const char* mission;
    bool eligible;
    const char* failing_rule;  // a blocking rule that must fail, when not eligible
  } cases[] = {
      {"huong-nguyen", "samples/missions/vietnam-boulangerie.xml", true, nullptr},
      {"mathilde-agbodjan", "samples/missions/draft-sans-volontaire.xml", true, nullptr},
      {"zoe-loeuvre", "samples/missions/madagascar-artisanat.xml", true, nullptr},
      {"theo-marechal", "samples/missions/madagascar-artisanat.xml", false, "sc.age.max"},
  };
  for (auto& c : cases) {
    for (std::string ext : {".xml", ".json"}) {
      std::string file = std::string("samples/volunteers/") + c.volunteer + ext;
      for (Phase phase : {Phase::draft, Phase::submission}) {
        CheckOptions options;
        options.phase = phase;
        Decision d = check(bundled_rules(), merged(c.mission, file), options);
        std::string name = file + " (" + std::string(code(phase)) + ")";
        const SchemeFit* fit = current_fit(d);
        BOOST_REQUIRE_MESSAGE(fit, name);
        if (c.eligible) {
          BOOST_TEST((d.status == Status::conforme || d.status == Status::conforme_avec_reserves),
                     name << ": " << code(d.status));
          BOOST_TEST((fit->verdict == SchemeFit::Verdict::eligible),
                     name << ": " << code(fit->verdict));
          // Nothing about the volunteer is left unknown.
          for (auto& m : d.missing)
            BOOST_TEST(!field(m.field).path.starts_with("volunteer."),
                       name << ": " << field(m.field).path);
        } else {
          BOOST_TEST((d.status == Status::non_conforme), name << ": " << code(d.status));
          BOOST_TEST((fit->verdict == SchemeFit::Verdict::not_eligible), name);
          const Finding* f = finding(d, c.failing_rule);
          BOOST_REQUIRE(f);
          BOOST_TEST((f->outcome == Outcome::fail), name);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(xml_and_json_volunteers_merge_the_same) {
  for (std::string v : {"huong-nguyen", "mathilde-agbodjan", "zoe-loeuvre", "theo-marechal"}) {
    Document x =
        merged("samples/missions/vietnam-boulangerie.json", "samples/volunteers/" + v + ".xml");
    Document j =
        merged("samples/missions/vietnam-boulangerie.json", "samples/volunteers/" + v + ".json");
    BOOST_TEST(canonical_form(x) == canonical_form(j), v);
  }
}

BOOST_AUTO_TEST_CASE(the_file_replaces_the_volunteer_and_nothing_else) {
  Document before = mission("samples/missions/vietnam-boulangerie.xml");
  Document after = before;
  std::vector<InputError> errors;
  BOOST_REQUIRE(read_volunteer(R"({"kind": "volunteer", "name": "Zoé Lœuvre",
                                   "address": "3 place du Marché-aux-Œufs, 59000 Lille"})",
                               "v.json", after, errors));
  BOOST_TEST(errors.empty());
  BOOST_TEST(text(after, "volunteer.name") == "Zoé Lœuvre");
  BOOST_TEST(text(after, "volunteer.address") == "3 place du Marché-aux-Œufs, 59000 Lille");
  // Left out of the file: unknown, not kept from the mission.
  BOOST_TEST(!after.values[*find_field("volunteer.birth_date")].known());
  BOOST_TEST(!after.values[*find_field("volunteer.employment_status")].known());
  BOOST_TEST(without_volunteer(canonical_form(after)) == without_volunteer(canonical_form(before)));
  BOOST_TEST(after.source == before.source);
  BOOST_TEST((after.kind == DocumentKind::mission));

  // The merged mission is checked like any other: the missing facts are reported.
  Decision d = check(bundled_rules(), after);
  BOOST_TEST((d.status == Status::incomplet));
  bool status_missing = false;
  for (auto& m : d.missing)
    status_missing = status_missing || field(m.field).path == "volunteer.employment_status";
  BOOST_TEST(status_missing);
}

BOOST_AUTO_TEST_CASE(facts_derived_from_the_previous_volunteer_go_too) {
  Decision before = check_file("samples/missions/vietnam-boulangerie.xml");
  FieldId age = *find_field("volunteer.age_at_start");
  BOOST_REQUIRE(before.facts->values[age].known());
  Document checked = *before.facts;  // derived facts filled in
  std::vector<InputError> errors;
  BOOST_REQUIRE(read_volunteer("<volunteer><name>X</name></volunteer>", "v.xml", checked, errors));
  BOOST_TEST(!checked.values[age].known());
  BOOST_TEST(!checked.values[*find_field("volunteer.place_is_home")].known());
}

BOOST_AUTO_TEST_CASE(a_refused_file_leaves_the_mission_untouched) {
  Document d = mission("samples/missions/vietnam-boulangerie.xml");
  std::string before = canonical_form(d);
  std::vector<InputError> errors;
  BOOST_TEST(
      !read_volunteer("<volunteer><name>X</name><birth_date>1990-02-30</birth_date></volunteer>",
                      "v.xml", d, errors));
  BOOST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors[0].code == "invalid_date");
  BOOST_TEST(canonical_form(d) == before);
}

BOOST_AUTO_TEST_CASE(only_a_mission_takes_a_volunteer) {
  ReadResult r = read_file(source_path("samples/agreements/territoires-volontaires.xml"));
  BOOST_REQUIRE(r.document);
  std::vector<InputError> errors;
  BOOST_TEST(
      !read_volunteer_file(source_path("samples/volunteers/zoe-loeuvre.xml"), *r.document, errors));
  BOOST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors[0].code == "wrong_value");
  BOOST_TEST(errors[0].message(Lang::en).find("not a mission") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
