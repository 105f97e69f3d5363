// `village analyze sensitivity DIR`: Sobol' first-order and total indices (sobol
// design) or Morris mu*, mu and sigma (morris design) of every outcome of a finished
// sweep, with bootstrap intervals: sensitivity.csv and sensitivity.html.
//
// The design is rebuilt from manifest.json (it is a pure function of its options);
// each design point's output is the mean over its replicates of results.csv's `final`
// (or `mean`) column.
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <map>

#include "analysis/compare/comparison.hpp"
#include "analysis/report/html_escape.hpp"
#include "analysis/report/svg_charts.hpp"
#include "analysis/sensitivity/sensitivity.hpp"
#include "app/commands.hpp"
#include "app/files.hpp"
#include "app/sweep_outputs.hpp"
#include "sim/csv.hpp"
#include "sim/error.hpp"
#include "sim/output.hpp"
#include "village/version.hpp"

namespace village {

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& path) {
  return read_whole_file(path, "name the folder of a finished village sweep");
}

// Splits one CSV record (RFC 4180 quoting) starting at `at`; moves `at` past it.
std::vector<std::string> csv_record(const std::string& text, std::size_t& at) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (; at < text.size(); ++at) {
    const char c = text[at];
    if (quoted) {
      if (c == '"' && at + 1 < text.size() && text[at + 1] == '"') {
        fields.back() += '"';
        ++at;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      ++at;
      break;
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

struct Outcome {
  std::vector<double> sum;  // per design point
  std::vector<std::uint32_t> count;
};

struct IndexRow {
  std::string metric, group, factor, index;
  double estimate = 0, low = 0, high = 0;
  bool has_interval = true;
};

sensitivity::Design rebuild_design(const nlohmann::json& manifest, const fs::path& file,
                                   std::vector<std::string>& factor_names) {
  try {
    const auto& d = manifest.at("design");
    const auto kind = sensitivity::parse_design_kind(d.at("kind").get<std::string>());
    if (!kind) throw std::invalid_argument("unknown design kind");
    sensitivity::DesignOptions options;
    options.kind = *kind;
    options.samples = d.at("samples").get<std::size_t>();
    options.morris_levels = d.at("morris_levels").get<std::size_t>();
    options.seed = d.at("seed").get<std::uint64_t>();
    for (const auto& factor : d.at("factors")) {
      factor_names.push_back(factor.at("name").get<std::string>());
      options.levels.push_back(factor.at("levels").get<std::size_t>());
    }
    options.dimensions = factor_names.size();
    if (*kind != sensitivity::DesignKind::sobol && *kind != sensitivity::DesignKind::morris) {
      throw InputError({file.string()},
                       fmt::format("a {} design has no sensitivity indices",
                                   sensitivity::design_kind_name(*kind)),
                       "run the sweep with --design sobol (indices) or --design morris "
                       "(screening)");
    }
    sensitivity::Design design = sensitivity::make_design(options);
    if (design.points.size() != d.at("points").get<std::size_t>())
      throw std::invalid_argument("the design does not rebuild to the same points");
    return design;
  } catch (const nlohmann::json::exception&) {
    throw InputError({file.string()}, "not the manifest of a village sweep",
                     "name the folder of a finished village sweep");
  } catch (const std::invalid_argument& error) {
    throw InputError({file.string()}, fmt::format("the design cannot be rebuilt: {}", error.what()),
                     "rerun the sweep with this village version");
  }
}

std::string html_page(const std::string& folder, const std::string& kind,
                      const std::vector<std::string>& factors, const std::vector<IndexRow>& rows,
                      std::size_t bootstrap) {
  std::string body;
  std::map<std::pair<std::string, std::string>, std::vector<const IndexRow*>> by_outcome;
  for (const IndexRow& row : rows)
    by_outcome[{row.metric, row.group}].push_back(&row);
  for (const auto& [outcome, list] : by_outcome) {
    if (outcome.second != "all") continue;
    std::vector<EffectBar> bars;
    for (const IndexRow* row : list) {
      if (!row->has_interval) continue;
      bars.push_back({row->factor + " " + row->index, chart_colour(row->index == "ST" ? 1 : 0),
                      row->estimate, row->low, row->high});
    }
    body += "<figure>" +
            effect_bars_svg(bars, {fmt::format("{} (all parents)", outcome.first),
                                   kind == "sobol" ? "index (share of variance)" : "mu*", ""}) +
            "</figure>\n";
  }
  std::string factor_list;
  for (const std::string& f : factors)
    factor_list += "<li><code>" + escape_html(f) + "</code></li>";
  const std::string method =
      kind == "sobol"
          ? "Sobol' indices from the Saltelli design: first order S after Saltelli et al. "
            "(2010), total ST after Jansen (1999); 95% percentile bootstrap intervals over the "
            "base sample's rows."
          : "Morris elementary effects (Morris 1991): mu* = mean |EE| (Campolongo et al. "
            "2007) with a 95% bootstrap interval over trajectories, mu and sigma in "
            "sensitivity.csv.";
  return fmt::format(
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sensitivity: "
      "{}</title><style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;}}figure{{"
      "margin:1em 0;}}</style></head><body>\n<h1>Sensitivity analysis</h1>\n<p>Sweep "
      "<code>{}</code>, {} design; factors:</p><ul>{}</ul>\n<p>{} {} bootstrap resamples. "
      "Every outcome and group is in sensitivity.csv.</p>\n{}<p>village {}</p></body></html>\n",
      escape_html(folder), escape_html(folder), kind, factor_list, method, bootstrap, body,
      kVersion);
}

}  // namespace

int analyze_sensitivity_command(const SensitivityOptions& options) {
  const fs::path folder = options.folder;
  const fs::path manifest_path = folder / "manifest.json";
  nlohmann::json manifest;
  try {
    manifest = nlohmann::json::parse(read_text(manifest_path));
  } catch (const nlohmann::json::exception&) {
    throw InputError({manifest_path.string()}, "not the manifest of a village sweep",
                     "name the folder of a finished village sweep");
  }
  if (manifest.contains("shard") && manifest["shard"].value("count", 1) != 1) {
    throw InputError({manifest_path.string()}, "this folder holds one shard of a sweep",
                     "merge the shards first: village sweep merge DIR... --out OUT");
  }
  std::vector<std::string> factors;
  const sensitivity::Design design = rebuild_design(manifest, manifest_path, factors);
  const std::string kind(sensitivity::design_kind_name(design.kind));
  const std::size_t points = design.points.size();

  const fs::path results_path = folder / "results.csv";
  const std::string text = read_text(results_path);
  std::size_t at = 0;
  const std::vector<std::string> header = csv_record(text, at);
  const auto column = std::find(header.begin(), header.end(), options.statistic);
  if (header.size() < 6 || header[0] != "point" || column == header.end()) {
    throw InputError({results_path.string() + ":1"}, "not the results.csv of a village sweep",
                     "name the folder of a finished village sweep");
  }
  const auto value_column = static_cast<std::size_t>(column - header.begin());
  std::map<std::pair<std::string, std::string>, Outcome> outcomes;
  std::vector<std::pair<std::string, std::string>> order;
  int line = 1;
  while (at < text.size()) {
    ++line;
    const std::vector<std::string> fields = csv_record(text, at);
    char* end = nullptr;
    const unsigned long long point = std::strtoull(fields[0].c_str(), &end, 10);
    if (fields.size() != header.size() || point >= points) {
      throw InputError({results_path.string(), line}, "a malformed results row",
                       "the file was edited; rerun the sweep (its journal resumes)");
    }
    const auto key = std::make_pair(fields[2], fields[3]);
    auto [it, inserted] = outcomes.try_emplace(key);
    if (inserted) {
      order.push_back(key);
      it->second.sum.assign(points, 0.0);
      it->second.count.assign(points, 0);
    }
    it->second.sum[point] += std::strtod(fields[value_column].c_str(), nullptr);
    ++it->second.count[point];
  }

  std::vector<IndexRow> rows;
  std::size_t skipped = 0;
  for (const auto& key : order) {
    const Outcome& outcome = outcomes.at(key);
    std::vector<double> y(points);
    bool complete = true;
    for (std::size_t p = 0; p < points; ++p) {
      complete = complete && outcome.count[p] > 0;
      y[p] = outcome.count[p] > 0 ? outcome.sum[p] / outcome.count[p] : 0.0;
      complete = complete && std::isfinite(y[p]);
    }
    if (!complete) {
      ++skipped;  // a group absent at some points, or an undefined value
      continue;
    }
    if (design.kind == sensitivity::DesignKind::sobol) {
      const auto indices = sensitivity::sobol_indices(design, y, options.bootstrap, 1);
      for (std::size_t f = 0; f < factors.size(); ++f) {
        const auto& s = indices.first_order[f];
        const auto& t = indices.total[f];
        rows.push_back({key.first, key.second, factors[f], "S1", s.estimate, s.low, s.high});
        rows.push_back({key.first, key.second, factors[f], "ST", t.estimate, t.low, t.high});
      }
    } else {
      const auto indices = sensitivity::morris_indices(design, y, options.bootstrap, 1);
      for (std::size_t f = 0; f < factors.size(); ++f) {
        const auto& m = indices.mu_star[f];
        rows.push_back({key.first, key.second, factors[f], "mu_star", m.estimate, m.low, m.high});
        rows.push_back({key.first, key.second, factors[f], "mu", indices.mu[f], 0, 0, false});
        rows.push_back({key.first, key.second, factors[f], "sigma", indices.sigma[f], 0, 0, false});
      }
    }
  }

  std::string csv = "metric,group,factor,index,estimate,low,high\n";
  for (const IndexRow& row : rows) {
    csv += fmt::format("{},{},{},{},{},{},{}\n", csv_field(row.metric), csv_field(row.group),
                       csv_field(row.factor), row.index, format_value(row.estimate),
                       row.has_interval ? format_value(row.low) : "",
                       row.has_interval ? format_value(row.high) : "");
  }
  const fs::path out = options.out.empty() ? folder : fs::path(options.out);
  create_output_folder(out);
  write_files_atomically({{out / "sensitivity.csv", csv},
                          {out / "sensitivity.html",
                           html_page(folder.string(), kind, factors, rows, options.bootstrap)}});
  if (!options.quiet) {
    fmt::print(
        "village: {} sensitivity of {} outcome(s) to {} factor(s) ({} points){}; wrote "
        "{} and {}\n",
        kind, order.size() - skipped, factors.size(), points,
        skipped > 0 ? fmt::format(", {} skipped (missing or undefined values)", skipped) : "",
        (out / "sensitivity.csv").string(), (out / "sensitivity.html").string());
    for (const IndexRow& row : rows) {
      if (row.group != "all" || !row.has_interval) continue;
      fmt::print("  {:<28} {:<32} {:<7} {:>8.3f} ({:.3f} to {:.3f})\n", row.metric, row.factor,
                 row.index, row.estimate, row.low, row.high);
    }
  }
  return 0;
}

}  // namespace village
