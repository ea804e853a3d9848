// Internal: the names a template may use — document.*, decision.* and the
// items of the loops it is inside — and the slots they live in.
#pragma once

#include <string>
#include <vector>

#include "template.h"

namespace clef::doc {

// One name a loop brings into scope ("finding.message") and its slot.
struct ScopedName {
  std::string name;
  detail::NameInfo info;
  bool explanation = false;  // filled from explain(): marks the loop as needing it
};

struct LoopScope {
  std::string var;
  std::vector<ScopedName> names;
  bool* needs_explanation = nullptr;
};

class TemplateNames : public detail::NameScope {
 public:
  explicit TemplateNames(uint8_t kinds) : kinds_(kinds) {}

  std::optional<detail::NameInfo> find(std::string_view name) const override;
  std::string unknown(std::string_view name) const override;

  // The formats of decision.* slots, in slot order after the catalogue.
  static void add_decision_slots(std::vector<SlotFormat>& slots);
  // Opens a loop over `source`, naming its items `var`; allocates their slots.
  void push(std::string var, Source source, FieldId list_field, std::vector<SlotFormat>& slots,
            bool* needs_explanation);
  void pop() { scopes_.pop_back(); }
  bool has_var(std::string_view var) const;

  // Every name visible here, for "did you mean".
  std::vector<std::string> visible() const;

 private:
  uint8_t kinds_;
  std::vector<LoopScope> scopes_;
};

}  // namespace clef::doc
