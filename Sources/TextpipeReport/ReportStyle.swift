/// The page's style sheet: system fonts only, light and dark colours
/// (`prefers-color-scheme`), one column on a phone.
///
/// Entity and evidence colours are backgrounds under text in the page's own
/// colour: at least 7.9:1 contrast in both schemes (WCAG AAA asks 7:1);
/// muted text, links and the flag are at least 6.3:1 on the page and on
/// cards (AA asks 4.5:1), which `ReportStyleTests` checks. The label is also
/// written out beside each entity (`PER`), and evidence is underlined as well
/// as tinted, so nothing is told by colour alone.
enum ReportStyle {
    static let css: StaticString = """
        :root{color-scheme:light dark;--bg:#f7f7f5;--fg:#1c1e21;--muted:#555b62;--line:#d5d8dc;--card:#fff;\
        --accent:#1d5aa0;--flag:#a3262c;--bar:#3a6ea5;--bar-all:#b7c5d6;--bar-flag:#b3363b;--evidence:#fff0b0;\
        --evidence-line:#b58900;--per:#f4d9f1;--org:#d5e6fa;--loc:#d6f0d3;--misc:#f8e2c9;--other:#e3e3e3;\
        --card-bg:#1c1e21;--card-fg:#f7f7f5}
        @media (prefers-color-scheme:dark){:root{--bg:#15171a;--fg:#e7e7e5;--muted:#a9afb6;--line:#343840;\
        --card:#1d2024;--accent:#86b6ee;--flag:#ff9090;--bar:#6f9fd6;--bar-all:#3b4b5e;--bar-flag:#e27070;\
        --evidence:#4b3f0e;--evidence-line:#e0b83c;--per:#54304f;--org:#1e3d61;--loc:#25482a;--misc:#5a3e20;\
        --other:#3a3a3a;--card-bg:#e7e7e5;--card-fg:#15171a}}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;background:var(--bg);color:var(--fg);\
        font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif}
        header,main,footer{max-width:1120px;margin:0 auto;padding:0 16px}
        header{padding-top:20px}
        h1{font-size:1.7rem;line-height:1.25;margin:0 0 4px;overflow-wrap:anywhere}
        h2{font-size:1.3rem;margin:32px 0 12px;padding-bottom:4px;border-bottom:1px solid var(--line)}
        h3{font-size:1.1rem;margin:20px 0 8px}
        h4{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:16px 0 4px}
        a{color:var(--accent)}
        .lede{color:var(--muted);margin:0 0 8px}
        nav{display:flex;flex-wrap:wrap;gap:4px 16px;margin:8px 0 0}
        [id]{scroll-margin-top:96px}
        :focus-visible{outline:3px solid var(--accent);outline-offset:2px}
        .stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin-bottom:16px}
        .stat{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px}
        .stat-value{display:block;font-size:1.9rem;font-weight:650;font-variant-numeric:tabular-nums}
        .stat-label{color:var(--muted);font-size:.9rem}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,340px),1fr));gap:16px}
        .chart{margin:0;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px}
        .chart.wide{grid-column:1/-1;overflow-x:auto}.chart.wide svg{min-width:520px}
        figcaption{font-weight:600;margin-bottom:8px}
        .key{font-weight:400;color:var(--muted);font-size:.9rem;margin-left:8px}
        .swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin:0 4px 0 8px;vertical-align:-1px}
        .swatch.all{background:var(--bar-all)}.swatch.flagged{background:var(--bar-flag)}
        svg{display:block;width:100%;height:auto}
        svg text{fill:var(--fg);font-size:13px}
        .bar{fill:var(--bar)}.series-all{fill:var(--bar-all)}.series-flagged{fill:var(--bar-flag)}
        .axis{stroke:var(--muted);stroke-width:1}.axis-label{fill:var(--muted);font-size:11px}
        .bar-value{font-variant-numeric:tabular-nums}
        .note{color:var(--muted)}
        .filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:end;margin:0 0 12px}
        .filters label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted)}
        input,select,button{font:inherit;color:var(--fg);background:var(--card);border:1px solid var(--line);\
        border-radius:6px;padding:5px 8px}
        input[type=search]{min-width:16em}
        button{cursor:pointer}
        #filter-count{color:var(--muted);padding-bottom:6px}
        .table-wrap{overflow-x:auto;background:var(--card);border:1px solid var(--line);border-radius:8px}
        table{border-collapse:collapse;width:100%}
        th,td{padding:7px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        tbody tr:last-child td{border-bottom:0}
        tbody tr:hover{background:color-mix(in srgb,var(--accent) 7%,transparent)}
        th{white-space:nowrap}
        th button{border:0;background:none;padding:0;font-weight:650}
        th button::after{content:" ↕";color:var(--muted)}
        th[aria-sort=ascending] button::after{content:" ▲";color:var(--fg)}
        th[aria-sort=descending] button::after{content:" ▼";color:var(--fg)}
        .num{text-align:right;font-variant-numeric:tabular-nums}
        table.no-dates .col-date{display:none}td.col-date{white-space:nowrap}
        .unlinked{color:var(--muted)}
        .toolbar{display:flex;gap:8px;margin:8px 0}
        .legend{display:flex;flex-wrap:wrap;gap:6px 18px;list-style:none;padding:10px 14px;margin:0 0 12px;\
        background:var(--card);border:1px solid var(--line);border-radius:8px;position:sticky;top:0;z-index:3}
        .legend-entity{border-radius:4px;padding:0 6px;font-size:.75rem;font-weight:700;letter-spacing:.04em;\
        background:var(--other)}
        details.article{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:8px 0}
        details.article.flagged{border-left:5px solid var(--flag)}
        details.article>summary{cursor:pointer;padding:10px 14px;font-weight:600;overflow-wrap:anywhere}
        details.article[open]>summary{border-bottom:1px solid var(--line)}
        .ordinal{color:var(--muted);font-weight:400;font-variant-numeric:tabular-nums;margin-right:4px}
        .badge{display:inline-block;font-size:.78rem;font-weight:500;border:1px solid var(--line);border-radius:999px;\
        padding:0 8px;margin-left:6px;white-space:nowrap;vertical-align:1px}
        .badge.flag{border-color:var(--flag);color:var(--flag);font-weight:700}
        .article-body{padding:4px 18px 18px}
        .meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:10px 0;font-size:.9rem}
        .meta dt{color:var(--muted)}.meta dd{margin:0;overflow-wrap:anywhere}
        .article-summary p{margin:0;max-width:75ch}
        .actors{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:6px}
        .actor{border:1px solid var(--line);border-radius:6px;padding:2px 8px}
        .actor-name{font-weight:600}.actor-role,.actor-party{color:var(--muted);font-size:.9rem}
        .actor-role::before{content:"· "}.actor-party::before{content:"· "}
        .evidence-list{margin:0;padding-left:1.4em;max-width:80ch}
        .evidence-list li{margin:4px 0}
        .evidence-place{font-size:.85rem;margin-right:4px}
        .evidence-quote{quotes:"“" "”" "‘" "’"}
        .article-text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.95;max-width:80ch}
        .table-caption{caption-side:bottom;text-align:left;padding:6px 10px;color:var(--muted);font-size:.85rem}
        .evidence,.legend-evidence{background:var(--evidence);box-shadow:inset 0 -2px 0 var(--evidence-line);\
        -webkit-box-decoration-break:clone;box-decoration-break:clone}
        .cue{font-weight:750}
        mark.entity{position:relative;color:inherit;background:var(--other);border-radius:4px;padding:1px 4px;\
        -webkit-box-decoration-break:clone;box-decoration-break:clone}
        mark.entity.per,.legend-entity.per{background:var(--per)}mark.entity.org,.legend-entity.org{background:var(--org)}
        mark.entity.loc,.legend-entity.loc{background:var(--loc)}mark.entity.misc,.legend-entity.misc{background:var(--misc)}
        mark.entity.continued{padding-left:0;border-top-left-radius:0;border-bottom-left-radius:0}
        .tag{font-size:.62rem;font-weight:700;letter-spacing:.05em;margin-left:4px;vertical-align:1px;opacity:.8}
        .card{display:none;position:absolute;left:0;top:calc(100% + 4px);z-index:4;width:max-content;max-width:22em;\
        background:var(--card-bg);color:var(--card-fg);border-radius:6px;padding:6px 10px;font-size:.85rem;\
        font-weight:400;line-height:1.4;white-space:normal;box-shadow:0 2px 8px rgb(0 0 0 / .25)}
        mark.entity:hover>.card,mark.entity:focus>.card{display:block}
        .card-name{display:block;font-weight:700}.card-party{display:block}
        footer{color:var(--muted);font-size:.85rem;padding:32px 16px}
        @media (max-width:640px){body{font-size:15px}h1{font-size:1.35rem}.article-body{padding:4px 12px 14px}\
        th,td{padding:6px}.col-narrow{display:none}input[type=search]{min-width:0;width:100%}\
        .filters label{flex:1 1 40%}}
        """
}
