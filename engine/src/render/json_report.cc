// The machine-readable decision: the contract of `clef check --format json`
// and of the HTTP endpoint (docs/schemas/decision.schema.json).
#include <nlohmann/json.hpp>

#include "clef/render.h"

#include "decision_fields.h"

namespace clef {

using nlohmann::ordered_json;

std::string render_json(const Decision& d, Lang lang) {
  // Every member, in order, from the one description (decision_fields.h).
  ordered_json j = fields::object(fields::decision_members(), fields::View<Decision>{d, d, lang});
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string render_errors_json(const std::string& file, const std::vector<InputError>& errors,
                               Lang lang) {
  ordered_json j;
  j["source"] = file;
  j["status"] = "input_error";
  ordered_json list = ordered_json::array();
  for (auto& e : errors) {
    ordered_json x;
    x["code"] = e.code;
    x["line"] = e.position.line ? ordered_json(e.position.line) : ordered_json(nullptr);
    x["column"] = e.position.column ? ordered_json(e.position.column) : ordered_json(nullptr);
    x["pointer"] = e.pointer.empty() ? ordered_json(nullptr) : ordered_json(e.pointer);
    x["message"] = e.message(lang);
    list.push_back(x);
  }
  j["errors"] = list;
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace clef
