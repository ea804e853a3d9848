// The readers: one content model for XML and JSON, and every kind of bad
// input refused with a code, a position and a message.
#include <boost/test/unit_test.hpp>

#include "clef/model.h"
#include "clef/reader.h"
#include "support.h"

using namespace clef;
using namespace clef::test;

namespace {

ReadResult read(const std::string& bytes, InputFormat f = InputFormat::automatic) {
  return read_document(bytes, "t", f);
}

// The first error, or a test failure when the input was accepted.
InputError first_error(const ReadResult& r) {
  BOOST_REQUIRE_MESSAGE(!r.document, "input was accepted");
  BOOST_REQUIRE(!r.errors.empty());
  return r.errors.front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reader_test)

BOOST_AUTO_TEST_CASE(xml_and_json_twins_read_the_same) {
  for (std::string name :
       {"guinee-riziculture", "madagascar-artisanat", "burkina-enfants-rues",
        "inde-cooperation-decentralisee", "vietnam-boulangerie", "haiti-sage-femme"}) {
    auto x = read_file(source_path("samples/missions/" + name + ".xml"));
    auto j = read_file(source_path("samples/missions/" + name + ".json"));
    BOOST_REQUIRE_MESSAGE(x.document && j.document, name);
    BOOST_TEST(canonical_form(*x.document) == canonical_form(*j.document), name);
  }
  for (std::string name :
       {"agreements/territoires-volontaires", "calls/etude-territoires-volontaires"}) {
    auto x = read_file(source_path("samples/" + name + ".xml"));
    auto j = read_file(source_path("samples/" + name + ".json"));
    BOOST_REQUIRE_MESSAGE(x.document && j.document, name);
    BOOST_TEST(canonical_form(*x.document) == canonical_form(*j.document), name);
  }
}

BOOST_AUTO_TEST_CASE(a_call_for_tenders_is_a_kind_of_its_own) {
  auto r = read_file(source_path("samples/calls/etude-territoires-volontaires.xml"));
  BOOST_REQUIRE(r.document);
  const Document& d = *r.document;
  BOOST_TEST((d.kind == DocumentKind::call));
  BOOST_TEST(*d.values[*find_field("commissioner")].get<std::string>() == "France Volontaires");
  const auto* volets = d.values[*find_field("volets")].get<RecordList>();
  BOOST_REQUIRE(volets);
  BOOST_TEST(volets->size() == 3u);
  BOOST_TEST(*(*volets)[1][0].get<std::string>() == "Volet 2 – Évaluation");
  BOOST_TEST(d.values[*find_field("calendar")].get<RecordList>()->size() == 6u);
  BOOST_TEST(d.values[*find_field("steering_committee")].get<TextList>()->size() == 4u);
  BOOST_TEST(d.values[*find_field("budget.ceiling")].get<Money>()->plain() == "45000.00 EUR");
  BOOST_TEST(*d.values[*find_field("budget.tax_included")].get<bool>());
  BOOST_TEST(d.values[*find_field("application.deadline")].get<Date>()->iso() == "2024-11-30");
  BOOST_TEST(d.values[*find_field("application.items")].get<TextList>()->size() == 5u);

  auto j = read(
      "{\"kind\": \"call\", \"calendar\": [{\"when\": \"Mi-avril\", \"what\": \"Rapport "
      "final\"}]}");
  BOOST_REQUIRE(j.document);
  BOOST_TEST((j.document->kind == DocumentKind::call));
  // The same field names, one kind at a time.
  InputError e = first_error(read("<call><scheme>vsi</scheme></call>"));
  BOOST_TEST(e.code == "unknown_field");
  BOOST_TEST(e.message(Lang::en) == "unknown field 'scheme' for a call document");
  e = first_error(read("{\"kind\": \"mission\", \"volets\": []}"));
  BOOST_TEST(e.code == "unknown_field");
  e = first_error(read("<call><calendar><step><date>x</date></step></calendar></call>"));
  BOOST_TEST(e.message(Lang::fr).find("(attendu : when, what)") != std::string::npos);
  e = first_error(read("<call><budget><ceiling>45000</ceiling></budget></call>"));
  BOOST_TEST(e.code == "wrong_type");
  e = first_error(read("{\"kind\": \"call\", \"application\": {\"deadlin\": \"2024-11-30\"}}"));
  BOOST_TEST(e.message(Lang::fr).find("vouliez-vous dire « deadline »") != std::string::npos);
  BOOST_TEST(e.pointer == "/application/deadlin");
  // Fields shared by missions and calls.
  auto m = read("<mission><application><deadline>2025-05-31</deadline></application></mission>");
  BOOST_REQUIRE(m.document);
  BOOST_TEST(first_error(read("<agreement><application/></agreement>")).code == "unknown_field");
}

BOOST_AUTO_TEST_CASE(roots_name_every_kind) {
  InputError e = first_error(read("<contract/>"));
  BOOST_TEST(e.message(Lang::fr) ==
             "élément racine <contract> inattendu (attendu : <mission>, <agreement> ou <call>)");
  e = first_error(read("{\"kind\": \"tender\"}"));
  BOOST_TEST(e.message(Lang::en) ==
             "'kind' is \"tender\" (expected \"mission\", \"agreement\" or \"call\")");
  // A volunteer file is not a document of its own.
  e = first_error(read_file(source_path("samples/volunteers/zoe-loeuvre.xml")));
  BOOST_TEST(e.code == "unknown_root");
  BOOST_TEST(e.message(Lang::en).find("a volunteer file is read together with its mission") !=
             std::string::npos);
  e = first_error(read_file(source_path("samples/volunteers/zoe-loeuvre.json")));
  BOOST_TEST(e.code == "wrong_value");
}

// ---------------------------------------------------------------- volunteer files

namespace {

std::vector<InputError> volunteer_errors(const std::string& bytes) {
  Document mission;
  mission.kind = DocumentKind::mission;
  mission.source = "m.xml";
  mission.values.resize(catalogue().size());
  std::vector<InputError> errors;
  bool ok = read_volunteer(bytes, "v", mission, errors);
  BOOST_TEST(ok == errors.empty());
  return errors;
}

InputError first_volunteer_error(const std::string& bytes) {
  auto errors = volunteer_errors(bytes);
  BOOST_REQUIRE_MESSAGE(!errors.empty(), "volunteer file was accepted");
  return errors.front();
}

}  // namespace

BOOST_AUTO_TEST_CASE(volunteer_files_read_in_both_syntaxes) {
  BOOST_TEST(
      volunteer_errors("<volunteer><name>Zoé Lœuvre</name><birth_date>2004-02-11</birth_date>"
                       "</volunteer>")
          .empty());
  BOOST_TEST(volunteer_errors("{\"kind\": \"volunteer\", \"name\": \"Zoé Lœuvre\", "
                              "\"disability_recognised\": null}")
                 .empty());
  BOOST_TEST(volunteer_errors("<volunteer/>").empty());
}

BOOST_AUTO_TEST_CASE(volunteer_files_are_refused_like_documents) {
  // Unknown field, with a suggestion among the volunteer's fields.
  InputError e =
      first_volunteer_error("<volunteer>\n  <birth_dat>2004-02-11</birth_dat>\n</volunteer>");
  BOOST_TEST(e.code == "unknown_field");
  BOOST_TEST(e.format(Lang::fr) ==
             "v:2:4: champ inconnu « volunteer.birth_dat » pour un fichier de volontaire ; "
             "vouliez-vous dire « birth_date » ? (à /volunteer/birth_dat)");
  e = first_volunteer_error("{\"kind\": \"volunteer\", \"nationalty\": \"FR\"}");
  BOOST_TEST(
      e.message(Lang::en) ==
      "unknown field 'volunteer.nationalty' for a volunteer file; did you mean 'nationality'?");
  BOOST_TEST(e.pointer == "/nationalty");
  // Wrong types and invalid dates, with the path and the line.
  e = first_volunteer_error("{\n\"kind\": \"volunteer\",\n\"birth_date\": \"2004-02-30\"\n}");
  BOOST_TEST(e.code == "invalid_date");
  BOOST_TEST(e.position.line == 3);
  BOOST_TEST(e.pointer == "/birth_date");
  BOOST_TEST(e.message(Lang::en) ==
             "'volunteer.birth_date': expected a YYYY-MM-DD date, found \"2004-02-30\"");
  e = first_volunteer_error(
      "<volunteer><disability_recognised>oui</disability_recognised></volunteer>");
  BOOST_TEST(e.code == "wrong_type");
  e = first_volunteer_error("{\"kind\": \"volunteer\", \"prior_vsi_months\": \"12\"}");
  BOOST_TEST(e.code == "wrong_type");
  e = first_volunteer_error("<volunteer><nationality>France</nationality></volunteer>");
  BOOST_TEST(e.code == "wrong_type");
  // A mission field has no place in a volunteer file; a derived fact is never input.
  e = first_volunteer_error("<volunteer><scheme>vsi</scheme></volunteer>");
  BOOST_TEST(e.code == "unknown_field");
  BOOST_TEST(e.message(Lang::en) ==
             "'scheme' is a field of the mission, not of the volunteer: it does not belong in a "
             "volunteer file");
  e = first_volunteer_error("{\"kind\": \"volunteer\", \"host\": {\"name\": \"x\"}}");
  BOOST_TEST(e.message(Lang::fr).find("est un champ de la mission") != std::string::npos);
  e = first_volunteer_error("<volunteer><age_at_start>30</age_at_start></volunteer>");
  BOOST_TEST(e.code == "unknown_field");
  e = first_volunteer_error("<volunteer><volunteer><name>x</name></volunteer></volunteer>");
  BOOST_TEST(e.code == "unknown_field");
  // Roots and kinds.
  e = first_volunteer_error("<mission><volunteer><name>x</name></volunteer></mission>");
  BOOST_TEST(e.code == "unknown_root");
  BOOST_TEST(e.message(Lang::en) ==
             "unexpected root element <mission> (expected <volunteer>); a volunteer file holds "
             "only the volunteer's fields");
  BOOST_TEST(first_volunteer_error("{\"name\": \"x\"}").code == "missing_kind");
  BOOST_TEST(first_volunteer_error("{\"kind\": \"mission\"}").code == "wrong_value");
  BOOST_TEST(first_volunteer_error("[]").code == "wrong_type");
  // Syntax, duplicates, encoding, size, depth, DOCTYPE: the same checks as documents.
  BOOST_TEST(first_volunteer_error("<volunteer><name>x</volunteer>").code == "xml_syntax");
  BOOST_TEST(
      first_volunteer_error("{\"kind\": \"volunteer\", \"name\": \"a\", \"name\": \"b\"}").code ==
      "duplicate_field");
  BOOST_TEST(first_volunteer_error("<volunteer><name>caf\xE9</name></volunteer>").code ==
             "invalid_utf8");
  BOOST_TEST(first_volunteer_error("<volunteer><name>" + std::string(kMaxInputBytes, 'a') +
                                   "</name></volunteer>")
                 .code == "too_large");
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "<a>";
  for (int i = 0; i < 100; ++i) deep += "</a>";
  BOOST_TEST(first_volunteer_error("<volunteer>" + deep + "</volunteer>").code == "too_deep");
  BOOST_TEST(first_volunteer_error("<!DOCTYPE v [<!ENTITY a \"b\">]><volunteer/>").code ==
             "doctype_forbidden");
  // Several errors in one pass.
  auto errors = volunteer_errors(
      "<volunteer><birth_date>x</birth_date><scheme>vsi</scheme><nam>y</nam></volunteer>");
  BOOST_TEST(errors.size() == 3u);
  // Files.
  Document mission;
  mission.values.resize(catalogue().size());
  std::vector<InputError> file_errors;
  BOOST_TEST(!read_volunteer_file("/nonexistent/volunteer.xml", mission, file_errors));
  BOOST_REQUIRE(file_errors.size() == 1u);
  BOOST_TEST(file_errors[0].code == "io");
}

BOOST_AUTO_TEST_CASE(bundled_bad_samples_are_refused) {
  struct Case {
    const char* file;
    const char* code;
    uint32_t line;
  } cases[] = {
      {"samples/bad/malformed.xml", "xml_syntax", 6},
      {"samples/bad/malformed.json", "json_syntax", 5},
      {"samples/bad/wrong-type.json", "wrong_type", 5},
      {"samples/bad/wrong-type.xml", "wrong_type", 7},
      {"samples/bad/date-invalide.xml", "invalid_date", 5},
      {"samples/bad/fin-avant-debut.json", "date_order", 6},
      {"samples/bad/champ-inconnu.xml", "unknown_field", 5},
      {"samples/bad/entity-bomb.xml", "doctype_forbidden", 2},
      {"samples/bad/doctype.xml", "doctype_forbidden", 2},
  };
  for (auto& c : cases) {
    InputError e = first_error(read_file(source_path(c.file)));
    BOOST_TEST(e.code == c.code, c.file << ": " << e.format(Lang::fr));
    BOOST_TEST(e.position.line == c.line, c.file << ": " << e.format(Lang::fr));
  }
}

BOOST_AUTO_TEST_CASE(messages_say_what_was_expected_and_found) {
  InputError e = first_error(read_file(source_path("samples/bad/date-invalide.xml")));
  BOOST_TEST(e.format(Lang::fr) == source_path("samples/bad/date-invalide.xml") +
                                       ":5:4: « start_date » : attendu une date AAAA-MM-JJ, trouvé "
                                       "« 2025-02-30 » (à /mission/start_date)");
  BOOST_TEST(e.message(Lang::en) ==
             "'start_date': expected a YYYY-MM-DD date, found « 2025-02-30 »");
  e = first_error(read_file(source_path("samples/bad/champ-inconnu.xml")));
  BOOST_TEST(e.message(Lang::fr).find("vouliez-vous dire « host »") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_date_outside_the_accepted_years_says_so) {
  InputError e = first_error(read("<mission><start_date>9999-12-31</start_date></mission>"));
  BOOST_TEST(e.code == "invalid_date");
  BOOST_TEST(e.message(Lang::fr) ==
             "« start_date » : date hors de la plage admise (1900-01-01 à 2200-12-31), trouvé "
             "« 9999-12-31 »");
  BOOST_TEST(e.message(Lang::en) ==
             "'start_date': date outside the accepted range (1900-01-01 to 2200-12-31), found "
             "« 9999-12-31 »");
  e = first_error(read("{\"kind\": \"mission\", \"volunteer\": {\"birth_date\": \"1899-12-31\"}}"));
  BOOST_TEST(e.code == "invalid_date");
  BOOST_TEST(e.message(Lang::en) ==
             "'volunteer.birth_date': date outside the accepted range (1900-01-01 to 2200-12-31), "
             "found \"1899-12-31\"");
  // Not a day of the calendar, whatever the year: the usual message.
  e = first_error(read("<mission><start_date>9999-02-30</start_date></mission>"));
  BOOST_TEST(e.message(Lang::en) ==
             "'start_date': expected a YYYY-MM-DD date, found « 9999-02-30 »");
}

BOOST_AUTO_TEST_CASE(json_errors_carry_a_pointer_and_a_line) {
  auto e = first_error(read(
      "{\n \"kind\": \"mission\",\n \"volunteer\": {\n  \"birth_date\": \"1990-02-30\"\n }\n}"));
  BOOST_TEST(e.code == "invalid_date");
  BOOST_TEST(e.pointer == "/volunteer/birth_date");
  BOOST_TEST(e.position.line == 4);
  e = first_error(read("{\"kind\": \"mission\", \"activities\": [\"a\", 3]}"));
  BOOST_TEST(e.pointer == "/activities/1");
  e = first_error(read("{\"kind\": \"mission\", \"allowance\": {\"monthly\": {\"amount\": 100}}}"));
  BOOST_TEST(e.code == "wrong_type");
  BOOST_TEST(e.message(Lang::en).find("ISO 4217") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(several_errors_in_one_pass) {
  auto r =
      read("<mission><weekly_hours>beaucoup</weekly_hours><scheme>vsii</scheme><hots/></mission>");
  BOOST_REQUIRE(!r.document);
  BOOST_TEST(r.errors.size() == 3u);
  BOOST_TEST(r.errors[1].message(Lang::fr).find("parmi : vsi, service_civique") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_an_input_error) {
  auto e = first_error(read("<mission>\n<title>caf\xE9</title></mission>"));
  BOOST_TEST(e.code == "invalid_utf8");
  BOOST_TEST(e.position.line == 2);
  BOOST_TEST(e.position.column == 11);
  e = first_error(read("{\"kind\":\"mission\",\"title\":\"\xC0\xAF\"}"));  // overlong
  BOOST_TEST(e.code == "invalid_utf8");
  e = first_error(read("{\"kind\":\"mission\",\"title\":\"\xED\xA0\x80\"}"));  // surrogate
  BOOST_TEST(e.code == "invalid_utf8");
}

BOOST_AUTO_TEST_CASE(text_is_nfc_normalised) {
  auto r = read("{\"kind\":\"mission\",\"volunteer\":{\"name\":\"Ele\xCC\x81onore\"}}");
  BOOST_REQUIRE(r.document);
  BOOST_TEST(*r.document->values[*find_field("volunteer.name")].get<std::string>() ==
             "El\xC3\xA9onore");
}

BOOST_AUTO_TEST_CASE(fifty_megabytes_are_refused_before_parsing) {
  std::string big = "<mission><title>" + std::string(50u << 20, 'a') + "</title></mission>";
  auto e = first_error(read(big));
  BOOST_TEST(e.code == "too_large");
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_refused_without_recursion) {
  std::string xml, json = "{\"kind\":\"mission\",\"host\":";
  for (int i = 0; i < 10000; ++i) xml += "<a>", json += "[";
  for (int i = 0; i < 10000; ++i) xml += "</a>", json += "]";
  json += "}";
  BOOST_TEST(first_error(read("<mission>" + xml + "</mission>")).code == "too_deep");
  BOOST_TEST(first_error(read(json)).code == "too_deep");
}

BOOST_AUTO_TEST_CASE(entity_bombs_never_expand) {
  std::string bomb =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      "<!ENTITY lol2 "
      "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n<mission><title>&lol2;</title></"
      "mission>";
  BOOST_TEST(first_error(read(bomb)).code == "doctype_forbidden");
}

BOOST_AUTO_TEST_CASE(wrong_shapes) {
  BOOST_TEST(first_error(read("[1,2]")).code == "wrong_type");
  BOOST_TEST(first_error(read("{\"title\":\"x\"}")).code == "missing_kind");
  BOOST_TEST(first_error(read("{\"kind\":\"contract\"}")).code == "wrong_value");
  BOOST_TEST(first_error(read("<contract/>")).code == "unknown_root");
  BOOST_TEST(first_error(read("<mission><host>text<name>x</name></host></mission>")).code ==
             "mixed_content");
  BOOST_TEST(first_error(read("<mission><title lang=\"fr\">x</title></mission>")).code ==
             "unknown_attribute");
  BOOST_TEST(first_error(read("{\"kind\":\"mission\",\"title\":\"a\",\"title\":\"b\"}")).code ==
             "duplicate_field");
  BOOST_TEST(first_error(read("{\"kind\":\"mission\",\"place\":{\"country\":\"XX\"}}")).code ==
             "wrong_type");
  BOOST_TEST(first_error(read("{\"kind\":\"mission\",\"group\":{\"size\":4.5}}")).code ==
             "wrong_type");
  BOOST_TEST(first_error(read("{\"kind\":\"agreement\",\"scheme\":\"vsi\"}")).code ==
             "unknown_field");
  BOOST_TEST(first_error(read("")).code == "json_syntax");
  BOOST_TEST(first_error(read_file("/nonexistent/file.xml")).code == "io");
}

BOOST_AUTO_TEST_CASE(absent_and_empty_mean_unknown) {
  auto r = read("<mission><title></title><referent><name/></referent><weekly_hours/></mission>");
  BOOST_REQUIRE(r.document);
  BOOST_TEST(!r.document->values[*find_field("title")].known());
  BOOST_TEST(!r.document->values[*find_field("referent.name")].known());
  BOOST_TEST(!r.document->values[*find_field("volunteer.birth_date")].known());
  auto j = read("{\"kind\":\"mission\",\"title\":null}");
  BOOST_REQUIRE(j.document);
  BOOST_TEST(!j.document->values[*find_field("title")].known());
}

BOOST_AUTO_TEST_SUITE_END()
