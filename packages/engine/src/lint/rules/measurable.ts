import { type Draft, draft, type RuleCheck } from "../lintContext.js";
import { findVagueWord, hasMeasuringCue } from "../vagueWords.js";

const RATE_UNITS = new Set(["percent", "ratio", "score", "%"]);
const AVERAGE_NAMES = /単価|平均|size|average|avg|rate|率/i;

/**
 * M1: a KGI or KPI has a way to get data. A node with a formula is computed; a node that
 * declares its grain or aggregation, or already has data, is measured. What is left — a
 * leaf that says nothing about its data and has none — is the gap.
 */
export const checkDataSource: RuleCheck = (lint) => {
  const drafts: Draft[] = [];
  for (const node of lint.numericNodes) {
    if (node.computed || node.source.grain !== undefined || node.source.aggregation !== undefined) continue;
    if (lint.evaluator.store.hasData(node)) continue;
    // Counts and amounts add up day by day; rates and sizes are averages, recorded at the cadence.
    const averaged =
      RATE_UNITS.has(node.source.unit ?? "") || AVERAGE_NAMES.test(`${node.id} ${node.source.name ?? ""}`);
    const ref = lint.ref(node);
    drafts.push(
      draft("M1.noSource", "M1.noSource.fix", ref, {
        ...ref,
        grain: averaged ? node.cadence! : "day",
        aggregation: averaged ? "average" : "sum",
      }),
    );
  }
  return drafts;
};

/**
 * M2: the name or definition uses a word that cannot be measured on its own, and nothing
 * says how it is measured: no formula, and not both a unit and a definition that measures
 * (one without vague words, or with a measuring cue such as a survey or a score).
 */
export const checkVagueWords: RuleCheck = (lint) => {
  const drafts: Draft[] = [];
  for (const node of lint.numericNodes) {
    const { name, definition, unit } = node.source;
    const inName = name ? findVagueWord(name) : null;
    const inDefinition = definition ? findVagueWord(definition) : null;
    const word = inName ?? inDefinition;
    if (word === null) continue;
    const definitionMeasures =
      definition !== undefined &&
      definition.trim() !== "" &&
      (inDefinition === null || hasMeasuringCue(definition));
    const measured = node.computed || (unit !== undefined && unit.trim() !== "" && definitionMeasures);
    if (measured) continue;
    const ref = lint.ref(node);
    drafts.push(
      draft("M2.vague", "M2.vague.fix", ref, {
        ...ref,
        word,
        field: inName !== null ? "name" : "definition",
      }),
    );
  }
  return drafts;
};
