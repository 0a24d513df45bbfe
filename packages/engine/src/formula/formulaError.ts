import { type ErrorLocation, ShihyoError } from "../errors.js";
import { type FormulaMessageCode, formulaMessages } from "./messages.js";

type ParamsOf<C extends FormulaMessageCode> = Parameters<(typeof formulaMessages.en)[C]>[0];

/** A ShihyoError from this module's catalogue, with the parameters checked against the message. */
export function formulaError<C extends FormulaMessageCode>(
  code: C,
  params: ParamsOf<C>,
  location: ErrorLocation = {},
): ShihyoError {
  return new ShihyoError({
    code,
    params,
    location,
    render: (lang) => (formulaMessages[lang][code] as (p: ParamsOf<C>) => string)(params),
  });
}
