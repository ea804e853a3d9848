// Internal: a template evaluated for one decision, as blocks given to a sink
// (blocks.h). The one entry point of the template evaluator, whatever the
// format the sink writes.
#pragma once

#include <string_view>

#include "blocks.h"
#include "clef/decision.h"
#include "clef/documents.h"

namespace clef::doc {

// Calls sink.begin() then one sink call per block of template `id`. Throws
// std::runtime_error when the template does not exist or does not take the
// decision's kind, RenderLimitExceeded past `limits` (the message names the
// template).
void emit(const TemplateSet& templates, std::string_view id, const Decision& decision, Lang lang,
          const RenderLimits& limits, BlockSink& sink);

}  // namespace clef::doc
