// Parsing and type checking of conditions, by recursive descent following the
// grammar in docs/rules.md. Every name and type is resolved here, once.
#include <algorithm>
#include <charconv>

#include "expr.h"

namespace clef::detail {

std::string_view to_string(Type t) {
  switch (t) {
    case Type::boolean:
      return "booléen";
    case Type::number:
      return "nombre";
    case Type::text:
      return "texte";
    case Type::date:
      return "date";
    case Type::money:
      return "montant";
    case Type::text_list:
      return "liste de textes";
    case Type::record_list:
      return "liste d'objets";
  }
  return "";
}

Type type_of(FieldType t) {
  switch (t) {
    case FieldType::boolean:
      return Type::boolean;
    case FieldType::integer:
    case FieldType::decimal:
      return Type::number;
    case FieldType::date:
      return Type::date;
    case FieldType::money:
      return Type::money;
    case FieldType::text_list:
      return Type::text_list;
    case FieldType::record_list:
      return Type::record_list;
    default:
      return Type::text;
  }
}

NameInfo name_info(FieldId id) {
  const FieldSpec& spec = field(id);
  NameInfo info;
  info.slot = id;
  info.type = type_of(spec.type);
  info.unit = spec.unit;
  info.values = spec.values;
  info.list_field = id;
  return info;
}

std::optional<NameInfo> DocumentNames::find(std::string_view name) const {
  auto id = find_field(name);
  if (!id || !field(*id).in(kind_)) return std::nullopt;
  return name_info(*id);
}

std::string DocumentNames::unknown(std::string_view name) const {
  return "fait inconnu « " + std::string(name) + " » pour un document " +
         std::string(to_string(kind_)) + " (voir docs/model.md)";
}

namespace {

Node make(Op op, Type type, Unit unit = Unit::none, uint16_t a = kNone, uint16_t b = kNone) {
  Node n;
  n.op = op;
  n.type = type;
  n.unit = unit;
  n.a = a;
  n.b = b;
  return n;
}

Node literal(Type type, Value value) {
  Node n = make(Op::literal, type);
  n.literal = std::move(value);
  return n;
}

struct Failure {
  size_t offset;
  std::string message;
};

class Compiler {
 public:
  Compiler(std::string_view text, const NameScope& names, const std::vector<ParamInfo>& params)
      : text_(text), names_(names), params_(params) {}

  Expr run() {
    uint16_t root = parse_or();
    skip_space();
    if (pos_ < text_.size())
      fail("« " + std::string(text_.substr(pos_, 20)) + " » inattendu après l'expression");
    if (expr_.nodes[root].type != Type::boolean)
      fail_at(0, "la condition doit être booléenne, elle est de type " +
                     std::string(to_string(expr_.nodes[root].type)));
    expr_.root = root;
    return std::move(expr_);
  }

 private:
  // ---- lexing helpers
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                   text_[pos_] == '\t' || text_[pos_] == '\r'))
      ++pos_;
  }
  bool peek(std::string_view token) {
    skip_space();
    if (!text_.substr(pos_).starts_with(token)) return false;
    // Keywords must not be the start of a longer name.
    if (std::isalpha(static_cast<unsigned char>(token[0]))) {
      size_t end = pos_ + token.size();
      if (end < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[end])) ||
                                 text_[end] == '_' || text_[end] == '.'))
        return false;
    }
    return true;
  }
  bool accept(std::string_view token) {
    if (!peek(token)) return false;
    pos_ += token.size();
    return true;
  }
  void expect(std::string_view token) {
    if (!accept(token)) fail("« " + std::string(token) + " » attendu");
  }
  [[noreturn]] void fail(std::string message) { fail_at(pos_, std::move(message)); }
  [[noreturn]] void fail_at(size_t offset, std::string message) {
    throw Failure{offset, std::move(message)};
  }

  uint16_t add(Node node, size_t start) {
    node.text = std::string(trim(text_.substr(start, pos_ - start)));
    // Evaluation recurses down the tree, and `1+1+1+…` parses in a loop into
    // a left-deep tree: bound the depth of the tree, not only the syntax.
    int depth = 1;
    for (uint16_t child : {node.a, node.b})
      if (child != kNone) depth = std::max(depth, depths_[child] + 1);
    for (uint16_t item : node.items) depth = std::max(depth, depths_[item] + 1);
    if (depth > kMaxTreeDepth)
      fail("expression trop longue ou trop imbriquée (profondeur " + std::to_string(kMaxTreeDepth) +
           " au plus)");
    depths_.push_back(depth);
    expr_.nodes.push_back(std::move(node));
    if (expr_.nodes.size() >= kNone) fail("expression trop longue");
    return static_cast<uint16_t>(expr_.nodes.size() - 1);
  }
  static std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
  }
  const Node& node(uint16_t i) const { return expr_.nodes[i]; }

  // ---- grammar
  uint16_t parse_or() {
    size_t start = (skip_space(), pos_);
    uint16_t left = parse_and();
    while (accept("or")) {
      uint16_t right = parse_and();
      require(left, Type::boolean, "or");
      require(right, Type::boolean, "or");
      left = add(make(Op::or_, Type::boolean, Unit::none, left, right), start);
    }
    return left;
  }

  uint16_t parse_and() {
    size_t start = (skip_space(), pos_);
    uint16_t left = parse_not();
    while (accept("and")) {
      uint16_t right = parse_not();
      require(left, Type::boolean, "and");
      require(right, Type::boolean, "and");
      left = add(make(Op::and_, Type::boolean, Unit::none, left, right), start);
    }
    return left;
  }

  uint16_t parse_not() {
    size_t start = (skip_space(), pos_);
    if (accept("not")) {
      Depth depth(*this);
      uint16_t operand = parse_not();
      require(operand, Type::boolean, "not");
      return add(make(Op::not_, Type::boolean, Unit::none, operand), start);
    }
    return parse_compare();
  }

  uint16_t parse_compare() {
    size_t start = (skip_space(), pos_);
    uint16_t left = parse_sum();
    static constexpr std::pair<std::string_view, Op> kOps[] = {
        {"==", Op::eq}, {"!=", Op::ne}, {"<=", Op::le}, {">=", Op::ge},
        {"<", Op::lt},  {">", Op::gt},  {"in", Op::in}};
    for (auto [token, op] : kOps) {
      if (!accept(token)) continue;
      size_t right_start = (skip_space(), pos_);
      uint16_t right = parse_sum();
      if (op == Op::in) {
        if (node(left).type != Type::text || node(right).type != Type::text_list)
          fail_at(right_start, "« in » attend un texte à gauche et une liste de textes à droite");
        // scheme in ['vsi', 'servce_civique']: each listed value must exist.
        if (node(right).op == Op::list)
          for (uint16_t item : node(right).items) check_enum_literal(item, left);
      } else {
        unify_literal(left, right);
        unify_literal(right, left);
        Type lt = node(left).type, rt = node(right).type;
        if (lt == Type::text_list || lt == Type::record_list || rt == Type::text_list ||
            rt == Type::record_list)
          fail_at(right_start,
                  "les listes ne se comparent pas : utiliser count(), contains() ou in");
        if (lt != rt)
          fail_at(right_start, "comparaison entre " + std::string(to_string(lt)) + " et " +
                                   std::string(to_string(rt)));
        if ((op != Op::eq && op != Op::ne) &&
            !(lt == Type::number || lt == Type::date || lt == Type::money))
          fail_at(right_start, "« " + std::string(token) + " » ne s'applique pas à un " +
                                   std::string(to_string(lt)));
        check_enum_literal(left, right);
        check_enum_literal(right, left);
      }
      Unit unit = node(left).unit != Unit::none ? node(left).unit : node(right).unit;
      return add(make(op, Type::boolean, unit, left, right), start);
    }
    return left;
  }

  uint16_t parse_sum() {
    size_t start = (skip_space(), pos_);
    uint16_t left = parse_product();
    while (true) {
      Op op;
      if (accept("+"))
        op = Op::add;
      else if (accept("-"))
        op = Op::sub;
      else
        return left;
      uint16_t right = parse_product();
      unify_literal(left, right);
      unify_literal(right, left);
      Type lt = node(left).type;
      if (lt != node(right).type || (lt != Type::number && lt != Type::money))
        fail("« +/- » entre nombres ou entre montants seulement");
      Unit unit = node(left).unit != Unit::none ? node(left).unit : node(right).unit;
      left = add(make(op, lt, unit, left, right), start);
    }
  }

  uint16_t parse_product() {
    size_t start = (skip_space(), pos_);
    uint16_t left = parse_primary();
    while (true) {
      Op op;
      if (accept("*"))
        op = Op::mul;
      else if (accept("/"))
        op = Op::div;
      else
        return left;
      uint16_t right = parse_primary();
      Type lt = node(left).type, rt = node(right).type;
      if (rt != Type::number || (lt != Type::number && lt != Type::money))
        fail("« */ » : un nombre ou un montant multiplié ou divisé par un nombre");
      left = add(make(op, lt, node(left).unit, left, right), start);
    }
  }

  // Nesting is bounded so that a hostile pack cannot overflow the stack.
  struct Depth {
    Compiler& c;
    explicit Depth(Compiler& compiler) : c(compiler) {
      if (++c.depth_ > kMaxNesting)
        c.fail("expression trop imbriquée (au plus " + std::to_string(kMaxNesting) + " niveaux)");
    }
    ~Depth() { --c.depth_; }
  };
  static constexpr int kMaxNesting = 64;
  static constexpr int kMaxTreeDepth = 128;

  uint16_t parse_primary() {
    Depth depth(*this);
    skip_space();
    size_t start = pos_;
    if (pos_ >= text_.size()) fail("expression incomplète");
    char c = text_[pos_];
    if (c == '(') {
      ++pos_;
      uint16_t inner = parse_or();
      expect(")");
      return inner;
    }
    if (c == '[') return parse_list();
    if (c == '\'') return parse_string();
    if (c == '@') return parse_date();
    if (c == '$') return parse_param();
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '-') return parse_number();
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      std::string name = read_name();
      if (name == "true" || name == "false")
        return add(literal(Type::boolean, Value(name == "true")), start);
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == '(') return parse_call(name, start);
      return resolve_name(name, start);
    }
    fail("« " + std::string(1, c) + " » inattendu");
  }

  std::string read_name() {
    size_t start = pos_;
    while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) ||
                                   text_[pos_] == '_' || text_[pos_] == '.'))
      ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }

  uint16_t parse_list() {
    size_t start = pos_++;
    Node list = make(Op::list, Type::text_list);
    do {
      size_t item_start = (skip_space(), pos_);
      uint16_t item = parse_sum();
      if (node(item).op != Op::literal || node(item).type != Type::text)
        fail_at(item_start, "une liste littérale ne contient que des textes entre apostrophes");
      list.items.push_back(item);
    } while (accept(","));
    expect("]");
    return add(std::move(list), start);
  }

  uint16_t parse_string() {
    size_t start = pos_++;
    size_t end = text_.find('\'', pos_);
    if (end == std::string_view::npos) fail("chaîne non terminée");
    std::string value(text_.substr(pos_, end - pos_));
    pos_ = end + 1;
    return add(literal(Type::text, Value(std::move(value))), start);
  }

  uint16_t parse_date() {
    size_t start = pos_++;
    auto date = Date::from_iso(text_.substr(pos_, 10));
    if (!date) fail("date attendue après @ (AAAA-MM-JJ)");
    pos_ += 10;
    return add(literal(Type::date, Value(*date)), start);
  }

  uint16_t parse_number() {
    size_t start = pos_;
    double v = 0;
    auto [p, ec] = std::from_chars(text_.data() + pos_, text_.data() + text_.size(), v);
    if (ec != std::errc()) fail("nombre attendu");
    pos_ = static_cast<size_t>(p - text_.data());
    return add(literal(Type::number, Value(v)), start);
  }

  uint16_t parse_param() {
    size_t start = pos_++;
    std::string id = read_name();
    for (size_t i = 0; i < params_.size(); ++i) {
      if (params_[i].id != id) continue;
      Node n = make(Op::param, params_[i].type, params_[i].unit);
      n.index = static_cast<uint16_t>(i);
      return add(std::move(n), start);
    }
    fail_at(start, "paramètre inconnu « $" + id +
                       " » (un paramètre se déclare avant les règles qui l'utilisent)");
  }

  uint16_t resolve_name(const std::string& name, size_t start) {
    if (scope_ != kNone) {
      if (auto sub = find_sub_field(scope_, name)) {
        const SubFieldSpec& s = field(scope_).sub_fields[*sub];
        Node n = make(Op::record_field, type_of(s.type));
        n.fact = scope_;
        n.index = *sub;
        n.literal = Value();  // no literal
        return add(std::move(n), start);
      }
    }
    auto info = names_.find(name);
    if (!info) {
      std::string where =
          scope_ != kNone ? " ni champ de « " + std::string(field(scope_).path) + " »" : "";
      fail_at(start, names_.unknown(name) + where);
    }
    Node n = make(Op::fact, info->type, info->unit);
    n.fact = info->slot;
    n.values = info->values;
    n.index = info->list_field;  // for record lists, read back by any()/sum()
    return add(std::move(n), start);
  }

  uint16_t parse_call(const std::string& name, size_t start) {
    expect("(");
    static constexpr std::pair<std::string_view, Op> kFunctions[] = {
        {"known", Op::known},       {"count", Op::count},      {"empty", Op::empty},
        {"sum", Op::sum},           {"any", Op::any},          {"all", Op::all},
        {"count_if", Op::count_if}, {"contains", Op::contains}};
    Op op = Op::literal;
    for (auto [fn, o] : kFunctions)
      if (fn == name) op = o;
    if (op == Op::literal) fail_at(start, "fonction inconnue « " + name + " »");

    size_t arg_start = (skip_space(), pos_);
    uint16_t first = parse_or();
    if (op != Op::known && node(first).op == Op::list)
      fail_at(arg_start, name + "() porte sur un champ du document, pas sur une liste littérale");
    Node n = make(op, Type::boolean);
    n.a = first;
    Type ft = node(first).type;
    auto need_list = [&](bool records) {
      bool ok =
          records ? ft == Type::record_list : (ft == Type::text_list || ft == Type::record_list);
      if (!ok)
        fail_at(arg_start, name + "() attend " + (records ? "une liste d'objets" : "une liste") +
                               ", reçu " + std::string(to_string(ft)));
    };
    switch (op) {
      case Op::known:
        break;
      case Op::count:
        need_list(false), n.type = Type::number;
        break;
      case Op::empty:
        need_list(false);
        break;
      case Op::contains: {
        if (ft != Type::text_list) fail_at(arg_start, "contains() attend une liste de textes");
        expect(",");
        n.b = parse_sum();
        if (node(n.b).type != Type::text) fail("contains() : second argument texte attendu");
        break;
      }
      case Op::sum:
      case Op::any:
      case Op::all:
      case Op::count_if: {
        need_list(true);
        if (node(first).op != Op::fact)
          fail_at(arg_start, name + "() porte sur un champ liste du document");
        expect(",");
        uint16_t saved = scope_;
        scope_ = node(first).index;
        size_t inner_start = (skip_space(), pos_);
        n.b = parse_or();
        scope_ = saved;
        Type it = node(n.b).type;
        if (op == Op::sum) {
          if (it != Type::money && it != Type::number)
            fail_at(inner_start, "sum() additionne des montants ou des nombres");
          n.type = it;
        } else {
          if (it != Type::boolean) fail_at(inner_start, name + "() attend une condition booléenne");
          if (op == Op::count_if) n.type = Type::number;
        }
        break;
      }
      default:
        break;
    }
    expect(")");
    return add(std::move(n), start);
  }

  void require(uint16_t i, Type t, std::string_view what) {
    if (node(i).type != t)
      fail("« " + std::string(what) + " » attend un " + std::string(to_string(t)) + ", « " +
           node(i).text + " » est un " + std::string(to_string(node(i).type)));
  }

  // A bare number next to money or a date-free literal takes the other side's
  // unit, so that "weekly_hours >= 24" renders as hours.
  void unify_literal(uint16_t literal, uint16_t other) {
    Node& n = expr_.nodes[literal];
    if (n.op == Op::literal && n.type == Type::number && n.unit == Unit::none)
      n.unit = node(other).unit;
  }

  void check_enum_literal(uint16_t maybe_literal, uint16_t other) {
    const Node& lit = node(maybe_literal);
    const Node& o = node(other);
    if (lit.op != Op::literal || lit.type != Type::text) return;
    std::span<const std::string_view> values;
    if (o.op == Op::fact)
      values = o.values;
    else if (o.op == Op::record_field)
      values = field(o.fact).sub_fields[o.index].values;
    if (values.empty()) return;
    const std::string& v = *lit.literal.get<std::string>();
    for (auto allowed : values)
      if (allowed == v) return;
    std::string list;
    for (auto allowed : values) list += (list.empty() ? "" : ", ") + std::string(allowed);
    fail("valeur « " + v + " » impossible pour « " + o.text + " » (valeurs : " + list + ")");
  }

  std::string_view text_;
  const NameScope& names_;
  const std::vector<ParamInfo>& params_;
  size_t pos_ = 0;
  int depth_ = 0;
  std::vector<int> depths_;  // tree depth of each node, parallel to expr_.nodes
  uint16_t scope_ = kNone;
  Expr expr_;
};

}  // namespace

Expr compile(std::string_view text, DocumentKind kind, const std::vector<ParamInfo>& params,
             CompileError& error) {
  return compile(text, DocumentNames(kind), params, error);
}

Expr compile(std::string_view text, const NameScope& names, const std::vector<ParamInfo>& params,
             CompileError& error) {
  try {
    return Compiler(text, names, params).run();
  } catch (const Failure& f) {
    error = {f.offset, f.message};
    return Expr{};
  }
}

}  // namespace clef::detail
