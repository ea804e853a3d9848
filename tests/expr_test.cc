// The condition language: typing at compile time, three-valued logic at run time.
#include <boost/test/unit_test.hpp>

#include "rules/expr.h"

using namespace clef;
using namespace clef::detail;

namespace {

const std::vector<ParamInfo> kParams = {{"max", Type::number, Unit::months},
                                        {"allowance.min", Type::money, Unit::none}};

std::string compile_error(const std::string& text, DocumentKind kind = DocumentKind::mission) {
  CompileError err;
  Expr e = compile(text, kind, kParams, err);
  return e.empty() ? err.message : "";
}

struct Facts {
  std::vector<Value> values = std::vector<Value>(catalogue().size());
  Value max{24.0};
  Value min{*Money::parse("150", "EUR")};
  std::vector<const Value*> params = {&max, &min};

  void set(const char* path, Value v) { values[*find_field(path)] = std::move(v); }

  // "true", "false" or "unknown"
  std::string eval(const std::string& text) {
    CompileError err;
    Expr e = compile(text, DocumentKind::mission, kParams, err);
    BOOST_REQUIRE_MESSAGE(!e.empty(), text << ": " << err.message);
    std::vector<Slot> slots;
    EvalContext ctx{&values, &params};
    const Slot& s = evaluate(e, ctx, slots);
    return !s.known ? "unknown" : s.b ? "true" : "false";
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(expr_test)

BOOST_AUTO_TEST_CASE(type_errors_are_caught_when_compiling) {
  BOOST_TEST(compile_error("mission.duration_months <= $max") == "");
  BOOST_TEST(compile_error("start_date <= 3").find("comparaison entre date et nombre") == 0);
  BOOST_TEST(compile_error("nonexistent.fact").find("fait inconnu « nonexistent.fact »") == 0);
  BOOST_TEST(compile_error("$nope > 1").find("paramètre inconnu") == 0);
  BOOST_TEST(compile_error("scheme == 'vsii'").find("valeur « vsii » impossible") == 0);
  BOOST_TEST(compile_error("weekly_hours").find("la condition doit être booléenne") == 0);
  BOOST_TEST(compile_error("host.name < 'a'").find("ne s'applique pas") != std::string::npos);
  BOOST_TEST(compile_error("known(title) and").find("expression incomplète") == 0);
  BOOST_TEST(compile_error("scheme in ['vsi', 'servce_civique']")
                 .find("valeur « servce_civique » impossible") == 0);
  BOOST_TEST(compile_error("frobnicate(activities)").find("fonction inconnue") == 0);
  BOOST_TEST(compile_error("any(activities, true)").find("liste d'objets") != std::string::npos);
  BOOST_TEST(compile_error("all(parties, known(referent))") !=
             "");  // parties is an agreement field
  BOOST_TEST(compile_error("all(parties, known(referent))", DocumentKind::agreement) == "");
  BOOST_TEST(compile_error("allowance.monthly >= $allowance.min") == "");
  BOOST_TEST(
      compile_error("allowance.monthly >= 150").find("comparaison entre montant et nombre") == 0);
  // Fuzzer findings: bounded nesting, literal lists only after `in`, no list comparisons.
  BOOST_TEST(compile_error(std::string(100, '(') + "true" + std::string(100, ')'))
                 .find("trop imbriquée") != std::string::npos);
  BOOST_TEST(compile_error(std::string(1000, '(') + "true").find("trop imbriquée") !=
             std::string::npos);
  std::string chain = "weekly_hours";
  for (int i = 0; i < 5000; ++i) chain += "+1";
  BOOST_TEST(compile_error(chain + " > 1").find("trop longue") != std::string::npos);
  BOOST_TEST(compile_error("'x' in [title]").find("textes entre apostrophes") != std::string::npos);
  BOOST_TEST(compile_error("contains(['a'], 'a')").find("liste littérale") != std::string::npos);
  BOOST_TEST(compile_error("count(['a']) > 0").find("liste littérale") != std::string::npos);
  BOOST_TEST(compile_error("activities == publics").find("les listes ne se comparent pas") == 0);
}

BOOST_AUTO_TEST_CASE(unknown_propagates_kleene_style) {
  Facts f;
  BOOST_TEST(f.eval("mission.duration_months <= $max") == "unknown");
  BOOST_TEST(f.eval("known(mission.duration_months)") == "false");
  BOOST_TEST(f.eval("false and mission.duration_months <= $max") == "false");
  BOOST_TEST(f.eval("true and mission.duration_months <= $max") == "unknown");
  BOOST_TEST(f.eval("true or mission.duration_months <= $max") == "true");
  BOOST_TEST(f.eval("not (mission.duration_months <= $max)") == "unknown");
  f.set("mission.duration_months", Value(30.0));
  BOOST_TEST(f.eval("mission.duration_months <= $max") == "false");
  BOOST_TEST(f.eval("mission.duration_months - 6 <= $max") == "true");
  BOOST_TEST(f.eval("mission.duration_months * 2 == 60") == "true");
}

BOOST_AUTO_TEST_CASE(lists_records_and_money) {
  Facts f;
  f.set("scheme", Value(std::string("vie")));
  BOOST_TEST(f.eval("scheme in ['vie', 'via']") == "true");
  BOOST_TEST(f.eval("not (scheme in ['vsi'])") == "true");
  BOOST_TEST(f.eval("empty(activities)") == "unknown");
  f.set("activities", Value(TextList{"a", "b"}));
  BOOST_TEST(f.eval("count(activities) == 2") == "true");
  BOOST_TEST(f.eval("contains(activities, 'b')") == "true");
  f.set("allowance.monthly", Value(*Money::parse("100", "EUR")));
  BOOST_TEST(f.eval("allowance.monthly >= $allowance.min") == "false");
  f.set("allowance.monthly", Value(*Money::parse("100", "XOF")));
  BOOST_TEST(f.eval("allowance.monthly >= $allowance.min") == "unknown");  // no silent conversion

  auto line = [](const char* amount, const char* currency) {
    Record r(3);
    r[1] = Value(*Money::parse(amount, currency));
    return r;
  };
  f.set("budget.lines", Value(RecordList{line("100", "EUR"), line("50.5", "EUR")}));
  f.set("budget.total", Value(*Money::parse("150.50", "EUR")));
  BOOST_TEST(f.eval("sum(budget.lines, amount) == budget.total") == "true");
  BOOST_TEST(f.eval("all(budget.lines, amount > $allowance.min)") == "false");
  BOOST_TEST(f.eval("any(budget.lines, amount < $allowance.min)") == "true");
  BOOST_TEST(f.eval("count_if(budget.lines, known(label)) == 0") == "true");
  Record unknown_amount(3);
  f.set("budget.lines", Value(RecordList{line("100", "EUR"), unknown_amount}));
  BOOST_TEST(f.eval("sum(budget.lines, amount) == budget.total") == "unknown");
  BOOST_TEST(f.eval("any(budget.lines, amount < $allowance.min)") ==
             "true");  // one true item settles it
  BOOST_TEST(f.eval("all(budget.lines, amount < $allowance.min)") == "unknown");
  f.set("budget.lines", Value(RecordList{}));
  BOOST_TEST(f.eval("all(budget.lines, amount > $allowance.min)") == "true");
  BOOST_TEST(f.eval("any(budget.lines, amount > $allowance.min)") == "false");
}

BOOST_AUTO_TEST_CASE(missing_parameter_value_is_unknown) {
  Facts f;
  f.params[0] = nullptr;  // no value in force at the as-of date
  f.set("mission.duration_months", Value(3.0));
  BOOST_TEST(f.eval("mission.duration_months <= $max") == "unknown");
}

BOOST_AUTO_TEST_SUITE_END()
