#include "blocks.h"

namespace clef::doc {

Colour colour_named(std::string_view name) {
  if (name == "green") return Colour::green;
  if (name == "orange") return Colour::orange;
  if (name == "red") return Colour::red;
  if (name == "blue") return Colour::blue;
  return Colour::grey;
}

}  // namespace clef::doc
