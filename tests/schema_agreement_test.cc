// The published input schemas and the reader agree: each case is a small
// document, in XML or JSON, that clef and the schema (xmllint for the XSD,
// python3-jsonschema for the JSON Schema) both accept or both refuse. What a
// schema cannot say is listed apart (docs/model.md, "What the schemas cannot
// say"), with both verdicts, so that a change on either side shows here.
// Then real `clef check --format json` output against decision.schema.json.
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

#include "clef/reader.h"
#include "support.h"

using namespace clef;
using namespace clef::test;
namespace fs = std::filesystem;

namespace {

enum class Syntax { xml, json };

struct Case {
  Syntax syntax;
  // mission, agreement, call or volunteer; empty when `body` is the whole
  // document.
  std::string_view root;
  std::string_view body;      // inside the root element, or after "kind" in JSON
  bool reader;                // clef accepts it
  bool schema;                // the schema accepts it
  std::string_view why = {};  // for the cases where they differ
};

constexpr Syntax X = Syntax::xml;
constexpr Syntax J = Syntax::json;
constexpr bool A = true;   // accepted
constexpr bool R = false;  // refused

// Both accept or both refuse.
constexpr Case agree(Syntax s, std::string_view root, std::string_view body, bool verdict) {
  return {s, root, body, verdict, verdict};
}

const std::vector<Case> kAgreed = {
    // Dates: YYYY-MM-DD, a real day, 1900..2200; empty in XML, null in JSON
    // is unknown.
    agree(X, "mission", "<start_date>2025-01-31</start_date>", A),
    agree(X, "mission", "<start_date> 2025-01-31\n</start_date>", A),
    agree(X, "mission", "<start_date/>", A),
    agree(X, "mission", "<start_date></start_date>", A),
    agree(X, "mission", "<start_date>  </start_date>", A),
    agree(X, "mission", "<start_date xsi:nil=\"true\"/>", A),
    agree(X, "mission", "<start_date>1900-01-01</start_date>", A),
    agree(X, "mission", "<start_date>2200-12-31</start_date>", A),
    agree(X, "mission", "<start_date>2024-02-29</start_date>", A),
    agree(X, "mission", "<start_date>2000-02-29</start_date>", A),
    agree(X, "mission", "<start_date>9999-12-31</start_date>", R),
    agree(X, "mission", "<start_date>1899-12-31</start_date>", R),
    agree(X, "mission", "<start_date>2201-01-01</start_date>", R),
    agree(X, "mission", "<start_date>2025-02-30</start_date>", R),
    agree(X, "mission", "<start_date>2100-02-29</start_date>", R),
    agree(X, "mission", "<start_date>2025-01-31Z</start_date>", R),
    agree(X, "mission", "<start_date>2025-01-31+01:00</start_date>", R),
    agree(X, "mission", "<start_date>2025-1-31</start_date>", R),
    agree(X, "mission", "<start_date>31/01/2025</start_date>", R),
    agree(X, "mission", "<start_date>12025-01-31</start_date>", R),
    agree(X, "mission", "<start_date>-2025-01-31</start_date>", R),
    agree(X, "agreement", "<parties><party><signature_date/></party></parties>", A),
    agree(X, "agreement",
          "<parties><party><signature_date>2025-13-01</signature_date></party></parties>", R),
    agree(X, "volunteer", "<birth_date>2004-02-29</birth_date>", A),
    agree(X, "volunteer", "<birth_date>1850-06-01</birth_date>", R),
    agree(J, "mission", R"("start_date": "2025-01-31")", A),
    agree(J, "mission", R"("start_date": null)", A),
    agree(J, "mission", R"("start_date": "2024-02-29")", A),
    agree(J, "mission", R"("start_date": "1900-01-01", "end_date": "2200-12-31")", A),
    agree(J, "mission", R"("start_date": "")", R),
    agree(J, "mission", R"("start_date": "9999-12-31")", R),
    agree(J, "mission", R"("start_date": "1899-12-31")", R),
    agree(J, "mission", R"("start_date": "2201-01-01")", R),
    agree(J, "mission", R"("start_date": "2025-02-30")", R),
    agree(J, "mission", R"("start_date": "2100-02-29")", R),
    agree(J, "mission", R"("start_date": "2025-01-31\n")", R),
    agree(J, "mission", R"("start_date": " 2025-01-31")", R),
    agree(J, "mission", R"("start_date": "2025-01-31T00:00:00")", R),
    agree(J, "mission", R"("start_date": 20250131)", R),
    agree(J, "agreement", R"("parties": [{"signature_date": null}])", A),
    agree(J, "agreement", R"("parties": [{"signature_date": "2025-00-10"}])", R),
    agree(J, "volunteer", R"("birth_date": "2004-02-29")", A),
    agree(J, "volunteer", R"("birth_date": "1850-06-01")", R),

    // Booleans: true, false, 1, 0 or empty in XML; true, false or null in JSON.
    agree(X, "mission", "<emergency>true</emergency>", A),
    agree(X, "mission", "<emergency>false</emergency>", A),
    agree(X, "mission", "<emergency>1</emergency>", A),
    agree(X, "mission", "<emergency> 0 </emergency>", A),
    agree(X, "mission", "<emergency/>", A),
    agree(X, "mission", "<emergency>yes</emergency>", R),
    agree(X, "mission", "<emergency>TRUE</emergency>", R),
    agree(X, "mission", "<emergency>2</emergency>", R),
    agree(X, "mission", "<emergency>true<x/></emergency>", R),
    agree(X, "agreement", "<parties><party><signed>vrai</signed></party></parties>", R),
    agree(J, "mission", R"("emergency": true)", A),
    agree(J, "mission", R"("emergency": false)", A),
    agree(J, "mission", R"("emergency": null)", A),
    agree(J, "mission", R"("emergency": "true")", R),
    agree(J, "mission", R"("emergency": 1)", R),
    agree(J, "mission", R"("emergency": "")", R),

    // Integers: whole, within ±2^53; no leading '+'.
    agree(X, "mission", "<days_per_week>5</days_per_week>", A),
    agree(X, "mission", "<days_per_week>-3</days_per_week>", A),
    agree(X, "mission", "<days_per_week>007</days_per_week>", A),
    agree(X, "mission", "<days_per_week>5.0</days_per_week>", A),
    agree(X, "mission", "<days_per_week>5.</days_per_week>", A),
    agree(X, "mission", "<days_per_week>1e3</days_per_week>", A),
    agree(X, "mission", "<days_per_week>1E+3</days_per_week>", A),
    agree(X, "mission", "<days_per_week>9007199254740992</days_per_week>", A),
    agree(X, "mission", "<days_per_week>-9007199254740992</days_per_week>", A),
    agree(X, "mission", "<days_per_week/>", A),
    agree(X, "mission", "<days_per_week>+5</days_per_week>", R),
    agree(X, "mission", "<days_per_week>5.5</days_per_week>", R),
    agree(X, "mission", "<days_per_week>.5</days_per_week>", R),
    agree(X, "mission", "<days_per_week>9007199254740994</days_per_week>", R),
    agree(X, "mission", "<days_per_week>1e400</days_per_week>", R),
    agree(X, "mission", "<days_per_week>INF</days_per_week>", R),
    agree(X, "mission", "<days_per_week>inf</days_per_week>", R),
    agree(X, "mission", "<days_per_week>NaN</days_per_week>", R),
    agree(X, "mission", "<days_per_week>0x10</days_per_week>", R),
    agree(X, "mission", "<days_per_week>5 5</days_per_week>", R),
    agree(X, "mission", "<days_per_week>cinq</days_per_week>", R),
    agree(X, "agreement", "<missions><mission><volunteers>2</volunteers></mission></missions>", A),
    agree(X, "agreement", "<missions><mission><volunteers>2.5</volunteers></mission></missions>",
          R),
    agree(J, "mission", R"("days_per_week": 5)", A),
    agree(J, "mission", R"("days_per_week": -3)", A),
    agree(J, "mission", R"("days_per_week": 5.0)", A),
    agree(J, "mission", R"("days_per_week": 1e3)", A),
    agree(J, "mission", R"("days_per_week": 1.5e1)", A),
    agree(J, "mission", R"("days_per_week": 9007199254740992)", A),
    agree(J, "mission", R"("days_per_week": -9007199254740992)", A),
    agree(J, "mission", R"("days_per_week": null)", A),
    agree(J, "mission", R"("days_per_week": 5.5)", R),
    agree(J, "mission", R"("days_per_week": "5")", R),
    agree(J, "mission", R"("days_per_week": +5)", R),
    agree(J, "mission", R"("days_per_week": 05)", R),
    agree(J, "mission", R"("days_per_week": 9007199254740994)", R),
    agree(J, "mission", R"("days_per_week": -9007199254740994)", R),
    agree(J, "mission", R"("days_per_week": 1e400)", R),
    agree(J, "mission", R"("days_per_week": true)", R),

    // Decimals: finite, no leading '+'.
    agree(X, "mission", "<weekly_hours>35</weekly_hours>", A),
    agree(X, "mission", "<weekly_hours>35.5</weekly_hours>", A),
    agree(X, "mission", "<weekly_hours>.5</weekly_hours>", A),
    agree(X, "mission", "<weekly_hours>5.</weekly_hours>", A),
    agree(X, "mission", "<weekly_hours>-0.25</weekly_hours>", A),
    agree(X, "mission", "<weekly_hours>1e-3</weekly_hours>", A),
    agree(X, "mission", "<weekly_hours>1.5E2</weekly_hours>", A),
    agree(X, "mission", "<weekly_hours>1.7976931348623157e308</weekly_hours>", A),
    agree(X, "mission", "<weekly_hours> </weekly_hours>", A),
    agree(X, "mission", "<weekly_hours>+35</weekly_hours>", R),
    agree(X, "mission", "<weekly_hours>35,5</weekly_hours>", R),
    agree(X, "mission", "<weekly_hours>1.8e308</weekly_hours>", R),
    agree(X, "mission", "<weekly_hours>-1e400</weekly_hours>", R),
    agree(X, "mission", "<weekly_hours>NaN</weekly_hours>", R),
    agree(X, "mission", "<weekly_hours>-INF</weekly_hours>", R),
    agree(X, "mission", "<weekly_hours>.</weekly_hours>", R),
    agree(J, "mission", R"("weekly_hours": 35.5)", A),
    agree(J, "mission", R"("weekly_hours": 0)", A),
    agree(J, "mission", R"("weekly_hours": -0.25)", A),
    agree(J, "mission", R"("weekly_hours": 1e-3)", A),
    agree(J, "mission", R"("weekly_hours": null)", A),
    agree(J, "mission", R"("weekly_hours": "35")", R),
    agree(J, "mission", R"("weekly_hours": 1e400)", R),
    agree(J, "mission", R"("weekly_hours": -1e400)", R),
    agree(J, "mission", R"("weekly_hours": false)", R),

    // Countries: exactly the ISO 3166-1 codes clef knows.
    agree(X, "mission", "<place><country>FR</country></place>", A),
    agree(X, "mission", "<place><country> GN </country></place>", A),
    agree(X, "mission", "<place><country/></place>", A),
    agree(X, "mission", "<place><country>fr</country></place>", R),
    agree(X, "mission", "<place><country>XX</country></place>", R),
    agree(X, "mission", "<place><country>UK</country></place>", R),
    agree(X, "mission", "<place><country>FRA</country></place>", R),
    agree(X, "agreement", "<parties><party><country>XK</country></party></parties>", R),
    agree(X, "volunteer", "<nationality>VN</nationality>", A),
    agree(X, "volunteer", "<nationality>ZZ</nationality>", R),
    agree(J, "mission", R"("place": {"country": "FR"})", A),
    agree(J, "mission", R"("place": {"country": null})", A),
    agree(J, "mission", R"("place": {"country": ""})", R),
    agree(J, "mission", R"("place": {"country": "fr"})", R),
    agree(J, "mission", R"("place": {"country": " FR"})", R),
    agree(J, "mission", R"("place": {"country": "UK"})", R),
    agree(J, "agreement", R"("parties": [{"country": "XK"}])", R),
    agree(J, "volunteer", R"("nationality": "VN")", A),

    // Enumerations: one of the catalogue's values.
    agree(X, "mission", "<scheme>vsi</scheme>", A),
    agree(X, "mission", "<scheme> vsi </scheme>", A),
    agree(X, "mission", "<scheme/>", A),
    agree(X, "mission", "<scheme>VSI</scheme>", R),
    agree(X, "mission", "<scheme>service civique</scheme>", R),
    agree(X, "mission", "<scheme>volontariat</scheme>", R),
    agree(X, "agreement", "<parties><party><role>host</role></party></parties>", A),
    agree(X, "agreement", "<parties><party><role>hote</role></party></parties>", R),
    agree(J, "mission", R"("scheme": "vsi")", A),
    agree(J, "mission", R"("scheme": null)", A),
    agree(J, "mission", R"("scheme": "")", R),
    agree(J, "mission", R"("scheme": "VSI")", R),
    agree(J, "mission", R"("scheme": " vsi")", R),
    agree(J, "call", R"("programme": "territoires_volontaires")", A),

    // Text, and attributes: only currency (on an amount), xmlns and xsi.
    agree(X, "mission", "<title>Appui</title>", A),
    agree(X, "mission", "<title/>", A),
    agree(X, "mission", "<title><![CDATA[a < b]]></title>", A),
    agree(X, "mission", "<title xsi:nil=\"true\"/>", A),
    agree(X, "mission", "<title>a<b/></title>", R),
    agree(X, "mission", "<title lang=\"fr\">Appui</title>", R),
    agree(X, "mission", "<title xml:lang=\"fr\">Appui</title>", R),
    agree(X, "mission", "<host xmlns:x=\"urn:x\"><name>H</name></host>", A),
    agree(X, "mission", "<host id=\"1\"><name>H</name></host>", R),
    agree(J, "mission", R"("title": "Appui")", A),
    agree(J, "mission", R"("title": "")", A),
    agree(J, "mission", R"("title": null)", A),
    agree(J, "mission", R"("title": 5)", R),
    agree(J, "mission", R"("title": ["Appui"])", R),
    agree(J, "mission", R"("title": {})", R),

    // Amounts: optional minus, at most 15 digits and two decimals, a currency.
    agree(X, "mission", R"(<allowance><monthly currency="EUR">150.00</monthly></allowance>)", A),
    agree(X, "mission", R"(<allowance><monthly currency="EUR">150</monthly></allowance>)", A),
    agree(X, "mission", R"(<allowance><monthly currency="XOF">150.5</monthly></allowance>)", A),
    agree(X, "mission", R"(<allowance><monthly currency="EUR">-20.00</monthly></allowance>)", A),
    agree(X, "mission", R"(<allowance><monthly currency="EUR"> 150 </monthly></allowance>)", A),
    agree(X, "mission",
          R"(<allowance><monthly currency="EUR">999999999999999.99</monthly></allowance>)", A),
    agree(X, "mission", R"(<allowance><monthly currency="EUR">150.005</monthly></allowance>)", R),
    agree(X, "mission", R"(<allowance><monthly currency="EUR">+150</monthly></allowance>)", R),
    agree(X, "mission", R"(<allowance><monthly currency="EUR">1e3</monthly></allowance>)", R),
    agree(X, "mission", R"(<allowance><monthly currency="EUR">.5</monthly></allowance>)", R),
    agree(X, "mission", R"(<allowance><monthly currency="EUR">150.</monthly></allowance>)", R),
    agree(X, "mission", R"(<allowance><monthly currency="EUR">1,50</monthly></allowance>)", R),
    agree(X, "mission",
          R"(<allowance><monthly currency="EUR">1000000000000000</monthly></allowance>)", R),
    agree(X, "mission", R"(<allowance><monthly currency="eur">150</monthly></allowance>)", R),
    agree(X, "mission", R"(<allowance><monthly currency="EURO">150</monthly></allowance>)", R),
    agree(X, "mission", R"(<allowance><monthly currency=" EUR">150</monthly></allowance>)", R),
    agree(X, "mission", R"(<allowance><monthly>150</monthly></allowance>)", R),
    agree(X, "mission", R"(<allowance><monthly currency="EUR"/></allowance>)", R),
    agree(X, "mission", R"(<allowance><monthly currency="EUR" unit="m">150</monthly></allowance>)",
          R),
    agree(X, "mission",
          R"(<budget><lines><line><label>Billets</label><amount currency="EUR">900</amount>)"
          R"(</line></lines></budget>)",
          A),
    agree(X, "mission",
          R"(<budget><lines><line><amount currency="EUR">9.999</amount></line></lines></budget>)",
          R),
    agree(X, "call", R"(<budget><ceiling currency="EUR">40000</ceiling></budget>)", A),
    agree(J, "mission", R"("allowance": {"monthly": {"amount": 150.00, "currency": "EUR"}})", A),
    agree(J, "mission", R"("allowance": {"monthly": {"amount": "150.50", "currency": "EUR"}})", A),
    agree(J, "mission", R"("allowance": {"monthly": {"amount": -20, "currency": "EUR"}})", A),
    agree(J, "mission", R"("allowance": {"monthly": {"amount": "-20", "currency": "EUR"}})", A),
    agree(J, "mission", R"("allowance": {"monthly": null})", A),
    agree(J, "mission", R"("allowance": {"monthly": {"amount": "150.005", "currency": "EUR"}})", R),
    agree(J, "mission", R"("allowance": {"monthly": {"amount": "+150", "currency": "EUR"}})", R),
    agree(J, "mission", R"("allowance": {"monthly": {"amount": "1e3", "currency": "EUR"}})", R),
    agree(J, "mission", R"("allowance": {"monthly": {"amount": " 150", "currency": "EUR"}})", R),
    agree(J, "mission", R"("allowance": {"monthly": {"amount": "150\n", "currency": "EUR"}})", R),
    agree(J, "mission",
          R"("allowance": {"monthly": {"amount": 1000000000000000, "currency": "EUR"}})", R),
    agree(J, "mission",
          R"("allowance": {"monthly": {"amount": "1000000000000000", "currency": "EUR"}})", R),
    agree(J, "mission", R"("allowance": {"monthly": {"amount": 150, "currency": "eur"}})", R),
    agree(J, "mission", R"("allowance": {"monthly": {"amount": 150, "currency": "EURO"}})", R),
    agree(J, "mission", R"("allowance": {"monthly": {"amount": 150, "currency": "EUR\n"}})", R),
    agree(J, "mission", R"("allowance": {"monthly": {"amount": 150}})", R),
    agree(J, "mission", R"("allowance": {"monthly": {"currency": "EUR"}})", R),
    agree(J, "mission",
          R"("allowance": {"monthly": {"amount": 150, "currency": "EUR", "per": "month"}})", R),
    agree(J, "mission", R"("allowance": {"monthly": "150 EUR"})", R),
    agree(J, "mission", R"("allowance": {"monthly": 150})", R),

    // Lists and records: null is unknown in JSON; items have their type.
    agree(X, "mission", "<activities><activity>a</activity><activity/></activities>", A),
    agree(X, "mission", "<activities/>", A),
    agree(X, "mission", "<activities>a</activities>", R),
    agree(X, "mission", "<activities><item>a</item></activities>", R),
    agree(X, "mission", "<budget><lines/></budget>", A),
    agree(X, "mission", "<budget><lines><line><cost>1</cost></line></lines></budget>", R),
    agree(X, "mission", "<budget><lines><line>a</line></lines></budget>", R),
    agree(J, "mission", R"("activities": ["a", ""])", A),
    agree(J, "mission", R"("activities": [])", A),
    agree(J, "mission", R"("activities": null)", A),
    agree(J, "mission", R"("activities": "a")", R),
    agree(J, "mission", R"("activities": [null])", R),
    agree(J, "mission", R"("activities": [5])", R),
    agree(J, "mission", R"("budget": {"lines": null})", A),
    agree(J, "mission", R"("budget": {"lines": [{"label": "Billets", "funder": null}]})", A),
    agree(J, "mission", R"("budget": {"lines": [{"cost": 1}]})", R),
    agree(J, "mission", R"("budget": {"lines": [null]})", R),
    agree(J, "mission", R"("budget": {"lines": ["Billets"]})", R),
    agree(J, "call", R"("calendar": [{"when": "Mi-décembre 2024", "what": "Rapport"}])", A),

    // Structure: fields of the kind, once each; the root or "kind" names it.
    agree(X, "mission", "<unknown/>", R),
    agree(X, "mission", "<title>a</title><title>b</title>", R),
    agree(X, "mission", "<host>Association</host>", R),
    agree(X, "mission", "<host><nom>H</nom></host>", R),
    agree(X, "agreement", "<host><name>H</name></host>", R),
    agree(X, "call", "<commissioner>France Volontaires</commissioner>", A),
    agree(X, "volunteer", "<scheme>vsi</scheme>", R),
    agree(X, "", "<missions><title>a</title></missions>", R),
    agree(J, "mission", R"("unknown": 1)", R),
    agree(J, "mission", R"("host": "Association")", R),
    agree(J, "mission", R"("host": {"nom": "H"})", R),
    agree(J, "agreement", R"("host": {"name": "H"})", R),
    agree(J, "volunteer", R"("scheme": "vsi")", R),
    agree(J, "", R"({"title": "a"})", R),
    agree(J, "", R"({"kind": "missions"})", R),
    agree(J, "", R"({"kind": 5})", R),
    agree(J, "", R"([{"kind": "mission"}])", R),
    agree(J, "", R"("mission")", R),
    // "$schema" is ignored, whatever it holds.
    agree(J, "mission", R"("$schema": "https://clef.example/schemas/input.schema.json")", A),
    agree(J, "mission", R"("$schema": 5)", A),
    agree(J, "volunteer", R"("$schema": null)", A),
    // Empty groups and records mean the same in both syntaxes.
    agree(X, "mission", "<host/>", A),
    agree(J, "mission", R"("host": {})", A),
    agree(X, "mission", "<budget><lines><line/></lines></budget>", A),
    agree(J, "mission", R"("budget": {"lines": [{}]})", A),
    // The currency attribute belongs on amounts only.
    agree(X, "mission", R"(<host currency="EUR"><name>H</name></host>)", R),
    agree(X, "mission", R"(<title currency="EUR">a</title>)", R),
    // A comment inside a value is not part of it.
    agree(X, "mission", "<days_per_week>5<!-- c -->0</days_per_week>", A),
    // Whole numbers are checked exactly past 2^53.
    agree(J, "mission", R"("days_per_week": 9007199254740993)", R),
    agree(J, "mission", R"("days_per_week": 9007199254740992)", A),
};

// What a schema cannot say (docs/model.md): both verdicts are pinned so that
// a change on either side is noticed and the documentation updated.
const std::vector<Case> kDiverging = {
    {X, "mission", "<start_date>2025-02-01</start_date><end_date>2025-01-01</end_date>", R, A,
     "one field against another"},
    {J, "mission", R"("start_date": "2025-02-01", "end_date": "2025-01-01")", R, A,
     "one field against another"},
    {X, "mission", "<days_per_week>1.5e1</days_per_week>", A, R,
     "whether a fraction with an exponent is whole"},
    {X, "mission", "<weekly_hours>1e-400</weekly_hours>", R, A, "a number that rounds to zero"},
    {J, "mission", R"("weekly_hours": 1e-400)", R, A, "a number that rounds to zero"},
    {J, "mission", R"("allowance": {"monthly": {"amount": 150.005, "currency": "EUR"}})", R, A,
     "how a JSON number is written"},
    {J, "mission", R"("allowance": {"monthly": {"amount": 1e3, "currency": "EUR"}})", R, A,
     "how a JSON number is written"},
    {X, "mission", "<allowance><monthly/></allowance>", A, R,
     "an empty amount has no currency, which the XSD requires"},
    {X, "mission", "<title xsi:foo=\"1\">a</title>", A, R, "clef ignores every xsi attribute"},
    {X, "", R"(<mission xmlns="urn:x"><title>a</title></mission>)", A, R,
     "clef ignores namespaces"},
    {J, "mission", R"("title": "a", "title": "b")", R, A,
     "JSON Schema sees objects after parsing, without duplicate keys"},
};

std::string document(const Case& c) {
  if (c.root.empty()) return std::string(c.body);
  std::string root(c.root);
  if (c.syntax == Syntax::xml)
    return "<" + root + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" +
           std::string(c.body) + "</" + root + ">";
  return "{\"kind\": \"" + root + "\"" + (c.body.empty() ? "" : ", ") + std::string(c.body) + "}";
}

// The reader's verdict, through the entry point the root calls for: a
// volunteer file completes a mission.
bool reader_accepts(const Case& c, const std::string& bytes, std::string& errors) {
  InputFormat format = c.syntax == Syntax::xml ? InputFormat::xml : InputFormat::json;
  std::vector<InputError> found;
  bool ok = false;
  if (c.root == "volunteer") {
    ReadResult mission = read_document("<mission/>", "mission", InputFormat::xml);
    BOOST_REQUIRE(mission.document);
    ok = read_volunteer(bytes, "case", *mission.document, found, format);
  } else {
    ReadResult r = read_document(bytes, "case", format);
    ok = r.document.has_value();
    found = std::move(r.errors);
  }
  for (auto& e : found) errors += e.format(Lang::en) + "\n";
  return ok;
}

// A scratch directory, removed at the end of the test.
struct Scratch {
  fs::path dir =
      fs::temp_directory_path() / ("clef-schema-agreement-" + std::to_string(::getpid()));
  Scratch() { fs::create_directories(dir); }
  ~Scratch() { fs::remove_all(dir); }
  std::string write(const std::string& name, const std::string& bytes) const {
    std::string path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
};

// Validates each document against the XSD with one xmllint run; true for
// those that validate.
std::vector<bool> xsd_verdicts(const std::vector<std::string>& files) {
  std::vector<bool> out(files.size(), false);
  if (files.empty()) return out;
  std::string command = "xmllint --noout --schema " + source_path("docs/schemas/input.xsd");
  for (auto& f : files) command += " " + f;
  Run r = run_shell(command);
  std::istringstream lines(r.err);
  for (std::string line; std::getline(lines, line);)
    for (size_t i = 0; i < files.size(); ++i)
      if (line == files[i] + " validates") out[i] = true;
  return out;
}

// Validates each (schema, document) pair with one python3 run; true for
// those that validate. A document Python cannot parse is invalid.
std::vector<bool> json_verdicts(const Scratch& scratch,
                                const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string script = scratch.write("validate.py",
                                     "import json, sys, jsonschema\n"
                                     "validators = {}\n"
                                     "for line in open(sys.argv[1], encoding='utf-8'):\n"
                                     "    schema, doc = line.rstrip('\\n').split('\\t')\n"
                                     "    if schema not in validators:\n"
                                     "        s = json.load(open(schema, encoding='utf-8'))\n"
                                     "        validators[schema] = "
                                     "jsonschema.validators.validator_for(s)(s)\n"
                                     "    try:\n"
                                     "        d = json.load(open(doc, encoding='utf-8'))\n"
                                     "    except ValueError:\n"
                                     "        print('invalid')\n"
                                     "        continue\n"
                                     "    print('valid' if validators[schema].is_valid(d) "
                                     "else 'invalid')\n");
  std::string list;
  for (auto& [schema, doc] : pairs) list += schema + "\t" + doc + "\n";
  std::string manifest = scratch.write("manifest.tsv", list);
  Run r = run_shell("/usr/bin/python3 " + script + " " + manifest);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  std::vector<bool> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) out.push_back(line == "valid");
  BOOST_REQUIRE_EQUAL(out.size(), pairs.size());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(schema_agreement_test)

BOOST_AUTO_TEST_CASE(reader_and_input_schemas_agree) {
  Scratch scratch;
  std::vector<const Case*> cases;
  for (auto& c : kAgreed) cases.push_back(&c);
  for (auto& c : kDiverging) cases.push_back(&c);

  std::vector<std::string> xml_files;
  std::vector<std::pair<std::string, std::string>> json_files;
  std::vector<std::string> docs;
  const std::string json_schema = source_path("docs/schemas/input.schema.json");
  for (size_t i = 0; i < cases.size(); ++i) {
    docs.push_back(document(*cases[i]));
    std::string name = "case-" + std::to_string(i);
    if (cases[i]->syntax == Syntax::xml)
      xml_files.push_back(scratch.write(name + ".xml", docs.back()));
    else
      json_files.emplace_back(json_schema, scratch.write(name + ".json", docs.back()));
  }
  std::vector<bool> xsd = xsd_verdicts(xml_files), json = json_verdicts(scratch, json_files);

  size_t next_xml = 0, next_json = 0;
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& c = *cases[i];
    std::string errors;
    bool reader = reader_accepts(c, docs[i], errors);
    bool schema = c.syntax == Syntax::xml ? xsd[next_xml++] : json[next_json++];
    const char* word[] = {"refuses", "accepts"};
    BOOST_TEST(reader == c.reader, "clef " << word[reader] << " " << docs[i] << "\n" << errors);
    BOOST_TEST(schema == c.schema, (c.syntax == Syntax::xml ? "the XSD " : "the JSON Schema ")
                                       << word[schema] << " " << docs[i]);
  }
}

BOOST_AUTO_TEST_CASE(check_output_validates_against_the_decision_schema) {
  Scratch scratch;
  const std::string schema = source_path("docs/schemas/decision.schema.json");
  std::vector<std::pair<std::string, std::string>> outputs;
  auto check = [&](const std::string& name, const std::string& files, int expected_exit) {
    Run r = run_clef("check --format json " + files);
    BOOST_TEST(r.exit_code == expected_exit, name << ": " << r.err);
    outputs.emplace_back(schema, scratch.write(name + ".json", r.out));
  };
  // One file: a decision, or an input error.
  check("decision", "samples/missions/guinee-riziculture.xml", 0);
  check("input-error", "samples/bad/date-invalide.xml", 2);
  // Several: an array of both, in order.
  check("several",
        "samples/missions/guinee-riziculture.json samples/bad/malformed.json "
        "samples/faulty/guinee-vsi-30-mois.xml samples/bad/doctype.xml",
        2);
  // Hostile input: the readers' fuzzing seeds and crashes, and samples/bad.
  std::string hostile;
  for (std::string dir :
       {"fuzz/corpus/xml_reader_fuzzer", "fuzz/corpus/json_reader_fuzzer",
        "fuzz/regressions/xml_reader_fuzzer", "fuzz/regressions/json_reader_fuzzer", "samples/bad"})
    for (auto& e : fs::directory_iterator(source_path(dir)))
      if (e.path().extension() != ".md") hostile += " " + e.path().string();
  check("hostile", hostile, 2);

  // And what is not clef's output is refused, so that the above means something.
  auto written = [&](const std::string& name, const std::string& text) {
    outputs.emplace_back(schema, scratch.write(name + ".json", text));
  };
  written("no-errors", R"({"source": "a.xml", "status": "input_error", "errors": []})");
  written("bad-status",
          R"({"source": "a.xml", "status": "erreur", "errors": [{"code": "io", "line": null,)"
          R"( "column": null, "pointer": null, "message": "x"}]})");
  std::string one = read_text(outputs[1].second);
  written("array-of-one", "[" + one + "]");
  written("nested-array", "[[" + one + "], " + one + "]");

  std::vector<bool> valid = json_verdicts(scratch, outputs);
  const std::vector<bool> expected = {true, true, true, true, false, false, false, false};
  BOOST_REQUIRE_EQUAL(valid.size(), expected.size());
  for (size_t i = 0; i < valid.size(); ++i)
    BOOST_TEST(valid[i] == expected[i], outputs[i].second << ": " << read_text(outputs[i].second));
  // The hostile run printed input errors, not only decisions.
  BOOST_TEST(read_text(outputs[3].second).find("\"input_error\"") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
