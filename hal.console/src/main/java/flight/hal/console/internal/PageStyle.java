package flight.hal.console.internal;

/** The pages' styles and their one script: plain text, no build step. */
final class PageStyle {
    /** Bars, zone maps and state colours; inside the console's own page, so every class is prefixed. */
    static final String STYLE = """
            <style>
            .hal-message { padding: .4em .8em; background: #fff8d0; border: 1px solid #d8c060; }
            .hal-error { color: #a00000; }
            .hal-section { margin: 1em 0 1.5em; }
            .hal-section h3 { margin: .6em 0 .3em; font-size: 120%; font-weight: bold; }
            .hal-section h4 { margin: .5em 0 .2em; font-size: 105%; font-weight: bold; }
            table.hal-table { border-collapse: collapse; margin: .3em 0; }
            table.hal-table th, table.hal-table td { border: 1px solid #ccc; padding: .2em .5em; text-align: left;
                vertical-align: top; }
            table.hal-table td.num { text-align: right; }
            tr.candidate[data-state="SELECTED"] { background: #e2f5e2; font-weight: bold; }
            tr.candidate[data-state="FAILED"], tr.candidate[data-state="UNAVAILABLE"] { background: #fbe4e4; }
            tr.candidate[data-state="RETIRING"] { background: #fdf0d8; }
            tr.candidate[data-state="INELIGIBLE"] { color: #777; }
            .hal-inline { display: inline; margin: 0 .2em; }
            .budget-bar { position: relative; width: 40em; height: 1.4em; background: #eee; border: 1px solid #999; }
            .budget-used { position: absolute; left: 0; top: 0; bottom: 0; background: #4a90d9; }
            .budget-bar[data-pressure="HIGH"] .budget-used { background: #e0a000; }
            .budget-bar[data-pressure="CRITICAL"] .budget-used { background: #d03030; }
            .budget-mark { position: absolute; top: -2px; bottom: -2px; width: 2px; }
            .budget-mark.reserved { background: #555; }
            .budget-mark.warning { background: #e0a000; }
            .budget-mark.critical { background: #d03030; }
            .zone-map { display: flex; flex-wrap: wrap; gap: 2px; max-width: 60em; }
            .zone { display: inline-block; width: 3.4em; height: 3em; border: 1px solid #888; position: relative;
                font-size: 85%; text-align: center; overflow: hidden; background: #fff; }
            .zone .zone-fill { position: absolute; left: 0; bottom: 0; right: 0; background: #9cc7ee; }
            .zone .zone-label { position: relative; }
            .zone[data-state="FULL"] .zone-fill { background: #4a90d9; }
            .zone[data-state="IMPLICITLY_OPEN"], .zone[data-state="EXPLICITLY_OPEN"] { border-color: #2a7a2a; }
            .zone[data-state="CLOSED"] { border-color: #555; border-style: dashed; }
            .zone[data-state="READ_ONLY"] { background: #f3e6c0; }
            .zone[data-state="OFFLINE"] { background: #ccc; }
            pre.compliance-report { background: #f6f6f6; border: 1px solid #ccc; padding: .5em; overflow-x: auto; }
            </style>
            """;

    /**
     * Replaces the live content every REFRESH_MILLIS with what the page's fragment answers now; sets nothing on
     * {@code window}. A failed request keeps what is shown and tries again.
     */
    static final String SCRIPT = """
            <script>
            (function () {
              var box = document.getElementById('hal-live');
              // built from location.host: a page opened as http://user:password@host/... would otherwise make the
              // fragment's URL carry the credentials, which fetch refuses
              var url = location.protocol + '//' + location.host + box.getAttribute('data-fragment');
              function refresh() {
                fetch(url, { credentials: 'same-origin', cache: 'no-store' })
                  .then(function (response) { return response.ok ? response.text() : null; })
                  .then(function (html) { if (html !== null) { box.innerHTML = html; } })
                  .catch(function () { })
                  .then(function () { setTimeout(refresh, REFRESH_MILLIS); });
              }
              setTimeout(refresh, REFRESH_MILLIS);
            })();
            </script>
            """;

    private PageStyle() {
    }
}
