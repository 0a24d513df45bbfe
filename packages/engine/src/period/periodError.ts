import { type ErrorLocation, ShihyoError } from "../errors.js";
import type { Lang } from "../i18n/lang.js";
import { type PeriodErrorCode, type PeriodErrorParams, periodMessages } from "./messages.js";

/**
 * Builds the ShihyoError for a period or calendar problem. It does not go through `raise`
 * because that wants one parameter type for the whole catalogue; here each code's
 * parameters are checked against its own message.
 */
export function periodError<K extends PeriodErrorCode>(
  code: K,
  params: PeriodErrorParams<K>,
  location: ErrorLocation = {},
): ShihyoError {
  const render = (lang: Lang): string => {
    const message = periodMessages[lang][code] as (p: PeriodErrorParams<K>) => string;
    return message(params);
  };
  return new ShihyoError({ code, params: { ...params }, location, render });
}
