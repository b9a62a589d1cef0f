// The site's one stylesheet: readable type, visible focus, tables that scroll, and print styles.

enum Stylesheet {
    /// The stylesheet as a page carries it inline (the "not found" page), without the two
    /// underline refinements the Nu HTML checker's CSS validator does not yet know; links are
    /// still underlined.
    static var inline: String {
        css.replacingOccurrences(of: " text-underline-offset: 0.15em;", with: "")
            .replacingOccurrences(of: "a:hover { text-decoration-thickness: 0.15em; }\n", with: "")
            .replacingOccurrences(of: " text-decoration-thickness: 0.2em;", with: "")
    }

    static let css = """
        :root { --text: #0b0c0c; --secondary: #505a5f; --link: #1d70b8; --visited: #4c2c92; --focus: #ffdd00; --border: #b1b4b6; --brand: #12436d; --light: #f3f2f1; }
        * { box-sizing: border-box; }
        html { font-size: 100%; }
        body { margin: 0; font-family: Arial, "Liberation Sans", "Helvetica Neue", sans-serif; font-size: 1.1875rem; line-height: 1.5; color: var(--text); background: #fff; }
        .container { max-width: 1020px; margin: 0 auto; padding: 0 1rem; }
        a { color: var(--link); text-decoration: underline; text-underline-offset: 0.15em; }
        a:visited { color: var(--visited); }
        a:hover { text-decoration-thickness: 0.15em; }
        a:focus, main:focus-visible { outline: 3px solid transparent; background: var(--focus); color: var(--text); box-shadow: 0 -2px var(--focus), 0 4px var(--text); text-decoration: none; }
        main:focus { outline: none; box-shadow: none; background: none; }
        .skip-link { position: absolute; left: -9999px; top: 0; padding: 0.5rem 1rem; }
        .skip-link:focus { left: 0; z-index: 10; }
        .site-header { background: var(--brand); color: #fff; padding: 0.75rem 0; border-bottom: 0.5rem solid #28a197; }
        .site-header a, .site-header a:visited { color: #fff; }
        .site-header a:focus { color: var(--text); }
        .site-name { font-weight: bold; font-size: 1.375rem; text-decoration: none; display: inline-block; margin: 0.25rem 0; }
        .site-header nav ul { list-style: none; margin: 0.25rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
        .site-header nav a[aria-current="page"] { font-weight: bold; text-decoration-thickness: 0.2em; }
        main { padding: 1.5rem 1rem 3rem; display: block; }
        h1 { font-size: 2.25rem; line-height: 1.15; margin: 0.5rem 0 1.25rem; }
        h2 { font-size: 1.6rem; line-height: 1.2; margin: 2.5rem 0 1rem; }
        h3 { font-size: 1.25rem; line-height: 1.3; margin: 1.75rem 0 0.5rem; }
        .lead { font-size: 1.35rem; }
        p, li { max-width: 44em; }
        .table-wrapper { overflow-x: auto; margin: 1rem 0 1.5rem; }
        .table-wrapper:focus { outline: 3px solid var(--focus); }
        table { border-collapse: collapse; width: 100%; font-size: 1rem; }
        caption { text-align: left; font-weight: bold; padding: 0 0 0.5rem; position: sticky; left: 0; max-width: calc(100vw - 2rem); }
        th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.75rem 0.5rem 0; border-bottom: 1px solid var(--border); }
        thead th { border-bottom: 2px solid var(--text); }
        .numeric { text-align: right; font-variant-numeric: tabular-nums; }
        .cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: 1rem; }
        .card { border: 1px solid var(--border); border-top: 5px solid var(--brand); padding: 0.75rem 1rem; max-width: none; }
        .card h3 { margin-top: 0; font-size: 1.1rem; }
        .figure-change { font-size: 1.6rem; font-weight: bold; margin: 0.25rem 0; }
        .direction { font-size: 1.1rem; font-weight: normal; white-space: nowrap; }
        .figure-pair, .figure-england, .figure-threshold, .figure-evidence { font-size: 1rem; margin: 0.25rem 0; }
        .chart { border-top: 1px solid var(--border); margin-top: 2rem; }
        .chart-subtitle { color: var(--secondary); }
        figure { margin: 1rem 0; }
        figure img { width: 100%; height: auto; border: 1px solid var(--border); }
        figcaption { margin-top: 0.5rem; max-width: 44em; }
        .downloads { padding-left: 1.25rem; }
        .citation { font-size: 1rem; color: var(--secondary); }
        .source-ref { font-size: 0.9em; white-space: nowrap; }
        .sources li { margin-bottom: 0.5rem; overflow-wrap: anywhere; }
        .table-notes li { overflow-wrap: anywhere; }
        /* A long address or file name breaks rather than pushing the page sideways on a narrow screen. */
        main p, main li, main dd { overflow-wrap: break-word; }
        .councils { columns: 2 18rem; column-gap: 2rem; padding-left: 1.25rem; }
        .councils li { break-inside: avoid; margin-bottom: 0.25rem; }
        .letters { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; }
        .letters a { display: inline-block; min-width: 1.5rem; padding: 0.25rem; text-align: center; }
        .facts dt { font-weight: bold; margin-top: 0.75rem; }
        .facts dd { margin: 0.25rem 0 0; max-width: 44em; }
        .narrative { border-left: 5px solid var(--light); padding-left: 1rem; }
        .on-this-page ul { columns: 2 14rem; padding-left: 1.25rem; }
        .back { font-size: 0.9em; }
        .site-footer { border-top: 1px solid var(--border); background: var(--light); padding: 1.5rem 0; font-size: 1rem; }
        @media (max-width: 40rem) {
          body { font-size: 1rem; }
          h1 { font-size: 1.75rem; }
          h2 { font-size: 1.35rem; }
          .lead { font-size: 1.15rem; }
          th, td { padding-right: 0.5rem; }
          /* Each row a card: every cell on its own line, named by its column. */
          .cards-table table, .cards-table tbody, .cards-table tr, .cards-table td, .cards-table tbody th { display: block; }
          .cards-table thead { position: absolute; left: -9999px; }
          .cards-table caption { display: block; position: static; max-width: none; }
          .cards-table tr { border-bottom: 2px solid var(--text); padding: 0.5rem 0; }
          .cards-table td, .cards-table tbody th { border: 0; padding: 0.1rem 0; text-align: left; }
          .cards-table td::before { content: attr(data-label) ": "; font-weight: bold; }
          .table-wrapper:not(.cards-table)::before { content: "Scroll sideways to see every column."; display: block; font-size: 0.9rem; color: var(--secondary); }
        }
        @media print {
          .site-header nav, .skip-link, .downloads, .on-this-page, .site-footer p + p { display: none; }
          /* The chart's own image carries its title and subtitle. */
          .chart h3, .chart h2, .chart-subtitle { display: none; }
          h2, h3, caption { break-after: avoid; }
          .site-footer { background: none; }
          .site-header { background: none; color: var(--text); border: 0; padding: 0; }
          .site-header a { color: var(--text); text-decoration: none; }
          body { font-size: 11pt; }
          a { color: var(--text); }
          figure, tr, .card { break-inside: avoid; }
          .table-wrapper { overflow: visible; }
          figure img { border: 0; }
        }

        """
}
