// Runs while the app's scripts are still downloading, when the page has nothing else to do.
// A browser tab's first number format, first date format and first storage read each load data
// on first use (tens of milliseconds apiece): done here, they are ready when the first numbers
// arrive instead of delaying them. It changes nothing: the app works the same without it.
try {
  new Intl.NumberFormat("ja-JP").format(1234.5);
  new Intl.DateTimeFormat("en-CA", { timeZone: "UTC", year: "numeric" }).format(0);
  new Intl.PluralRules("en").select(1);
  localStorage.getItem("shihyo.lang");
} catch {
  // An old browser or disabled storage: the app pays these costs itself later.
}
