/// Plain-words error pages (400, 401, 403, 404, 405, 413, 500) in the person's language.
#pragma once

#include "app/services.hpp"
#include "http/pipeline.hpp"

namespace roundtable::app {

/// The renderer the pipeline calls for every error.
http::ErrorRenderer make_error_renderer(const Services& services);

}  // namespace roundtable::app
