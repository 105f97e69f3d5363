#pragma once
// A fixture for tests/layering/check_includes.cmake: analysis/ including a model's
// header, which the check must refuse (ctest: layering:detects_violation).

#include "models/community_schema.hpp"
