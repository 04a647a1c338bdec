// Budgets held in CI, both stable from run to run: the fonts the page uses (below), and size:
// everything the page transfers, as the server sends it (precompressed gzip) and as zlib's
// gzip -9 of each body would be (the measure of every session before 2026-12-01;
// bench/README.md). Times are noisy and stay in the benchmark.
//
// The budget is a ratchet against growth, set just above the page each time it is lowered. On
// 2026-11-29: 204 000 (page 201 711 bytes, after the canvas live view and number parsing by the
// browser's parseFloat); raised to 206 000 (page 204 927) for keyboard use of the feasibility
// map with its spoken position and for correct history after Back (bench/README.md); lowered to
// 203 000 (page 202 093) when esbuild began minifying the wasm-bindgen glue and the style sheet;
// lowered to 202 000 (page 200 836) after talc replaced dlmalloc as the browser's allocator,
// net of the pixel-ratio listener, the failed-drawing fix and the map pair in the link;
// lowered to 190 500 (page 189 490) when the charts stopped naming fonts by string: plotters'
// FontFamily::from(&str) lower-cases with Unicode case tables, 11 KB gzip of the bundle; then
// 189 500 (page 188 344) with the chart's axis step found without log10 and powf; on
// 2026-11-29 (fourth session) 187 500 (page 186 602) with wasm-opt's --low-memory-unused and
// --flatten --rereloop before -Oz twice (186 777 with the style sheet's disclosure markers and
// Korean line breaking); on 2026-11-29 (fifth session) 180 000 (page 179 650) when the chart
// downloads' SVG writer moved into a module of its own, fetched on a reader's first download
// (179 745 with the "Drawing the chart…" status); 176 500 (page 175 962) when host messages
// were read with Reflect instead of serde-wasm-bindgen's Deserializer; raised to 177 000 (page
// 176 759, +392) for balanced chart titles, wrapped on word widths in numbers: a title wraps in
// about half the time it took before (bench/README.md), and no longer ends on a lone word;
// lowered to 176 800 (page 176 560) when wasm-opt began stripping the producers and
// target-features sections; on 2026-11-29 (sixth session) 169 700 (page 169 424) when the page
// stopped linking core's float formatting (src/decimal.rs, and a canvas backend of its own);
// 162 900 (page 162 624) when the names between the wasm and its glue were shortened
// (xtask/src/boundary.rs); on 2026-11-29 (seventh session) raised to 163 000 (page 162 933,
// +327) when the own-currency lever and the solvers' sentences named the economy's currency
// (yen, euros) instead of always the won; raised to 163 300 (page 163 263, +330) for speed: the
// canvas backend sends a setting only when it changes (778 → 642 canvas calls per slider input),
// sliders whose value and words stay the same are not rendered again, and the upfront solver
// bisects instead of scanning (input to chart drawn 2.8 → 2.1–2.3 ms median, bench/README.md);
// raised to 163 400 (page 163 358, +75) when the notes' method paragraph named the economy's
// own currency (Japan's and the EU's pages said "Money paid in won"); raised to 163 900 (page
// 163 871, +513) when the upfront slider's mark gave both ends of the shares that fit where
// they do not start at 0 (a back-loaded two-year timeline fits from 10% to 40%; the mark said
// "up to 40%"); lowered to 163 800 (page 163 760) when the page stopped computing the largest
// upfront share a second time for that mark and the mark became one prop; on 2026-12-01 (eighth
// session) 162 000 (page 161 966) when the two elements whose class was computed at run time
// carried their state as data attributes instead: Yew's `class={…}` parses a class list into an
// IndexSet, 1.8 KB gzip of code for two elements; 158 900 (page 158 861) when the panels whose
// props change with every input (summary, controls, baseline button) became plain functions and
// the four below the first screen one component: each Yew component is about 0.5 KB gzip of
// lifecycle code (+80 B before that for "exactly the limit"); 157 100 (page 157 006) when the
// tour became a function (App moves the focus to its step) and the share panel a hook of Details;
// 156 800 (page 156 736) with wasm-bindgen 0.2.107, whose glue is smaller; raised to 156 850
// (page 156 816) the same day for three wordings: presets named without their amount, which the
// chart title gives ("Japan's 550 · $550 bn pledge"), "none of the limit" for a peak of no
// dollars ("0 times the limit") and "from 1 year" ("1 years"); raised to 157 100 (page 157 035,
// 149 756 served) on 2026-12-02 for the rest of the one-year wording: the timeline's readout
// ("1 year, 2026", not "1 years, 2026 to 2026"), the shortest timeline that fits ("1 year") and the
// chart's description ("The one year is above it", not "1 of 1 years are"), with the verb agreeing
// ("1 of 10 years is above the limit"); 157 400 (page 157 371, 149 960 served) the same day for
// a Korean editor's review: the pledge paid (내다), not repaid (갚다), rounding that matches the
// English, and the chart's axis and the table in 억 dollars (0 to 4,000, beside "200억 달러"), not
// in units of 10억 (0 to 400); the map's effects comparing the map by identity took 229 B off
// first. Held at 157 400 (page 157 383) on 2026-12-02 (eleventh session) with the sourced figures
// grouped by thousands ("1,422.16 KRW per USD") and the tour's Korean wording; raised to 157 450
// (page 157 449, 149 594 served) the same day when the feasibility map got a grid area of its own,
// so that on phones the levers come right under the chart and the map after the finding.
// Lowered to 157 100 (page 157 076, 149 225 served) on 2026-12-03 (twelfth session): the boot
// module is minified with the glue and the style sheet (its comments were most of it, 707 B
// gzip -9 before, 333 after). Raised to 157 150 (page 157 121) the same day
// (thirteenth session): on a laptop the chart heads its column, with the finding and the figures
// under it and the view switches beside the title (51 B of style sheet). Raised to 157 400
// (page 157 371, 149 360 served: 76 B fewer) on 2026-12-03 (fourteenth session): the waits for a
// pause share one timer a drag instead of one an input (`src/web/pause.rs`), which took the full
// page's update p95 from 4.30 to 3.86 ms (means of five alternating runs, bench/README.md).
// Raised to 157 650 (page 157 620, 149 832 served) the same day: a host that sends back the
// embed's own state report (`preset: null`, a query with `embed=1`) got it refused; now it
// gives the same scenario. Raised to 157 700 (page 157 656, 149 889 served) on 2026-12-03: a bad
// key inside a pinned baseline is named (`base.upfront="abc": not a number (allowed: …)`), where
// the page said only that `base` was not recognised. Raised to 157 750 (page 157 731, 149 984 served) the
// same day: the notice wraps long values, the data table fits a laptop and a printed page, money is
// grouped and signed before the dollar (a readers' review found each broken). Lowered to
// 156 900 (page 156 886, 149 474 served) on 2026-12-03 (sixteenth session): links are written by
// the page's own `QueryWriter`, not form_urlencoded's Serializer, whose percent-encoding crate
// brought a 768-byte table of the 256 escapes and its slicing (845 B gzip -9, 510 B served).
// Raised to 157 050 (page 157 029, 149 478 served) the same day for a reader's review: the limit
// line says it limits state dollars and whose figure it is (Korea's assumed for Japan and the EU),
// a preset a link changed is titled "(changed)", and a peak under the limit is a share of it
// ("5% of the limit", not "0.1 times"). Raised to 157 150 (page 157 119, 149 581 served) the same
// day: the feasibility map keeps its tick labels a ring's radius from the cells and its last x
// label inside the canvas (on a phone the ring covered "10" and "100" was cut off). Raised to
// 157 250 (page 157 205, 149 859 served) the same day: charts under 400 px are taller (a 300 px
// embed left the bars 80 px), and the figure cards and the English table group thousands
// ("1,166%", "5,000"), as the prose already did. Raised to 157 500 (page 157 454, 149 921 served)
// on 2026-12-04 (eighteenth session) for a reader's review: the headline asks about the pledge on
// the page ("How do you pay a $550 bn pledge?" for Japan, not always Korea's $350 bn), the preset
// picker says "(changed)" as the chart's title does, a slider mark where every value fits says so
// ("Every year fits at any value", not "from 1 year" or "up to 100%") and one where only 0% fits
// says that ("only at 0%", not "up to 0%"), and the map's legend names grey cells only when the
// map has some. Lowered to 157 150 (page 157 116, 149 722 served) the same day: the data table is
// one HTML string (src/export.rs, table_html), not a virtual node per cell; 156 400 (page 156 349,
// 149 096 served) when the notes and the figures' sources were too (notes_html, sources_html).
// Raised to 156 900 (page 156 847, 149 571 served) the same day: a peak that every year pays is
// "every year", not the first of them ("Korea would need $35 bn in dollars every year", "would
// pay $20 bn in dollars every year" for the deal), and no dollars at all have no year ("$0 bn",
// not "$0 bn in 2026"), in the narration, the figure card, the chart's description and the CLI.
// Raised to 157 350 (page 157 323, 149 936 served) the same day: every source in the notes says
// what its figure is ("Korea's FX reserves, 428.82 USD bn: Korea JoongAng Daily, 2025-10-31"; it
// read "428.82 USD bn: …", the figure unnamed), in both languages, and the two context cards take
// their titles from the same names (they are one HTML string now, export::context_cards_html).
// Lowered to 157 250 (page 157 234, 149 846 served) when the CSV, the CLI table and the data
// table read a row's money columns from one list (Row::money). Raised to 157 400 (page 157 354,
// 149 842 served) the same day: the preset picker says "(changed)" first, as the picker cuts a
// long name off at its end ("Japan's deal (Sep 2025) (changed" at 1280 px). Raised to 157 500
// (page 157 451, 149 971 served) on 2026-12-04 (twentieth session): for Japan's or the EU's pledge
// the intro says whose pledge is drawn, against Korea's limit as an assumption, in both languages;
// the dependencies' source paths in the wasm, now relative to the registry (xtask/src/dist.rs),
// and custom properties written without a space paid for most of it as served. The same session
// the Korean narration reads "…금액 이내입니다" (not "안입니다") and "한국의 달러 지급액은 해마다 …"
// (page 157 464), and Zopfli searches longer (xtask/src/precompress.rs): 149 943 served. Then
// (page 157 482, 149 997 served) a link with no preset cites the pledge it shows, in the notes
// and under the chart (presets::facts_of), and a disabled button looks it; 149 953 served (page
// 157 449) once the notes' list of sourced figures became a function the CLI's table shares;
// 149 990 (page 157 458) with a fact's label from one helper (text::fact_label).
// Raised to 157 550 (page 157 513, 149 930 served) in the twenty-first session: a tour step's
// heading says "(changed)" once the reader moves away from its scenario (its words were left
// describing a chart that no longer showed it), with the other fixes of that session's red-team
// pass (bench/README.md); as served the page got smaller. Lowered to 157 400 (page 157 347,
// 149 892 served) the same session: a whole-number key is read by the number check alone (its
// own u32 parse did what that check does).
// Raised to 157 450 (page 157 411, 149 847 served, from 157 334 and 149 760) in the twenty-second
// session: the upfront slider's mark and the "what would it take" answer set the share as the
// slider does, taking from the other shares once direct investment is spent (on the EU's page the
// mark said "only at 0%" where 3.3% fits), and the Apply button applies it so. With the notice's
// sum of shares to a tenth ("is 142.9", not "142.85714285714286"): page 157 444, 149 721 served.
// Lowered to 156 950 (page 156 915, 149 519 served) the same session: the feasibility map sets
// its levers as their sliders do too, so no cell is "shares over 100%" and the grey bucket, its
// legend entry and the checks for it went. The data table's caption says its cells are rounded
// (page 156 900, 149 488 served). Raised to 157 050 (page 157 006, 149 614 served) the same
// session: an amount under $0.1 bn is written in millions ("$1 m", "100만 달러"), as a limit of
// 0.001 read "$0 bn" beside a peak "35,000 times" it. Raised to 157 300 (page 157 250, 149 814
// served) the same session: a map move and a solver's answer move their levers as the sliders do
// (Action::Move), so the page says which shares gave way (it said nothing, and those shares sit
// under "More settings") and a preset stays ("(changed)"; its Reset went back to Korea's
// defaults); the map's status reads "Timeline 14 years", and Home and End work on the map.
// Raised to 157 350 (page 157 325, 149 731 served) the same session: the map's legend shows each
// colour's three shades and its caption says the darker, the further from the limit (the legend
// named two of the six shades the cells use).
// Raised to 157 550 (page 157 542, 149 999 served, from about 157 280 and 149 848) in the
// twenty-fourth session: a preset's assumptions are listed only while the reader leaves the values
// they set ("no guarantee is called" stayed in the notes of preset=kr-deal&calls=20, the Bank of
// Korea's limit "kept for comparison" in those of preset=japan&limit=100), the Bank of Korea's
// limit is cited only while it is the limit, and the chart's source line says the assumptions are
// in the explorer's notes (an embed has none).
// Lowered to 157 150 (page 157 116, 149 532 served) in the twenty-fifth session: wasm-opt's passes
// run again after the boundary's names are shortened (xtask/src/dist.rs, `build`).
// Raised to 157 500 (page 157 458, 149 909 served) the same session: link keys are read in any
// case and around spaces, the tour step as every whole-number key (step=3.0 was "not a number"),
// and the notes cite the three figures the intro states on every page (Korea's pledge, its 15%
// tariff, never cited before, and the Bank of Korea's limit), paid for by the wasm-opt change.
// Raised to 157 600 (page 157 552, 149 917 served) the same session: leaving the tour (its button
// or Escape) gives the focus back to the button that starts it; it fell to the page's start.
// Lowered to 157 550 (page 157 508, 149 808 served) the same session, with the Korean "한도의
// 100%" and "nothing in dollars": the wasm is built without multivalue returns
// (xtask/src/dist.rs, WASM_CODEGEN_FLAGS).
// Raised to 157 650 (page 157 621, 149 955 served) the same session: the solvers' Apply buttons
// are described by their answers, the map's name says where its ring is, and a pinned baseline
// whose years the timeline does not reach draws no legend entry and takes no room on the axis.
// Raised to 157 700 (page 157 662, 149 949 served) the same session, after a review: the tariff is
// named as the US tariff on Korean goods, a Korean ratio shown as 1 is the share it is ("96%",
// "104%", not "약 100%"), and the map says its levers' values to a tenth (21.4%, not
// 21.428571428571427%).
// Lowered to 152 800 (page 152 742, 145 594 served) in the twenty-sixth session: Yew is built
// from vendor/yew-0.23.0, patched to cut its event names with `get(2..)`, and the share panel
// cuts the page's address with `rsplit_once`; the page links no panic of a bad string slice
// (`cargo xtask dist` now refuses it) and its listener registration compiles smaller.
// Raised to 154 600 (page 154 562, 147 198 served) in the twenty-seventh session, for what a
// review in the browser found: the pickers (preset, profile, country, theme, the map's levers) show
// the state drawn after Reset, Back or a tour step (they kept the reader's last pick); a held arrow
// key is one history entry, not one a repeat; Apply and Dismiss leave the focus on a control, not
// the page; what gave way is said once with the settled finding, not on every key press; a link
// with thousands of bad keys lists five problems and counts the rest; "Link copied." goes once the
// link changes; a download's address is revoked a minute after its click (Safari and Firefox saved
// nothing); a host's `set` with `lang` no longer lists `lang` as known.
// Raised to 155 300 (page 155 288, 147 817 served) the same session, after a review of those
// fixes: a held key's release ends its change (one held at the end of a range left the next
// change overwriting its history entry), a change that is not a share's forgets what gave way
// (it was said again with the next finding), Apply focuses the lever once it has its new value
// and without scrolling the page under a pointer, the notice counts a repeat once when repeats
// alternate, and an embed with no levers gives Dismiss's focus to its link.
// Raised to 155 500 (page 155 494, 148 034 served) the same session: a notice names an unknown
// key alone and says the keys a link knows once, under its list, in both languages (English
// repeated them after each unknown key; Korean never said them).
// Raised to 155 550 (page 155 516, 148 113 served) the same session: an arrow key held in the
// number box beside a slider is one history entry, as on the slider (it was one a repeat).
// Lowered to 155 200 (page 155 196, 147 844 served) the same session: one `later` for the
// page's four timeouts and one `focus` for its focus moves, in place of a copy each.
// Raised to 155 600 (page 155 586, 148 191 served) in the thirtieth session: a limit more than
// 25 times the tallest bar no longer sets the value axis (`?total=1&limit=1000` drew bars a pixel
// tall on an axis to $1,250 bn); the chart names it above the plot's corner with an arrow, its
// legend entry says it is off the scale, and the chart's description says so instead of a dashed
// line.
// Raised to 156 000 (page 155 971, 148 591 served) the same session, after a review of that
// chart: the limit's arrow and value have a band of their own above the plot (beside its top grid
// line they read as that line's value), the legend's swatch for it is the arrow, the switch is at
// 25 times the tallest bar (at 10 the bars jumped from a tenth of the plot to nine tenths), and
// the chart's wrapped lines keep a unit with its number (`1조` | `달러` broke a legend).
// Raised to 156 150 (page 156 112, 148 653 served) in the thirty-first session, from a reader's
// review: on a phone the data table keeps its years at the left while the figures scroll under
// them, with a shade at the right edge while more columns are hidden (it showed Year to Loans
// and cut "Company", with no sign that "In dollars", "FX limit" and "Headroom" were there), and
// on a dark page the map's caption says "the brighter its shade" (it said darker, the opposite
// of the cells). Raised to 156 250 (page 156 213, 148 775 served) the same session: the chart's
// title and legend and the solvers' sentences name the economy's currency ("0% in won", "Paid in
// won", "원화 0%") as the lever does, where they said "own currency" ("자국 통화"). Raised to
// 156 300 (page 156 261, 148 939 served) the same session: a slider's mark with no value that
// fits says "No value makes every year fit" (it said "No value fits the limit"), and
// "What would it take?" says which lever cannot do it alone ("No upfront share fits on its own:
// …") where each answer began "Impossible", above the answers that do fit. Raised to 156 350
// (page 156 332, 149 044 served) the same session: the intro labels a total for Korea other than
// its $350 bn as the reader's ("Here: a $5,000 bn pledge, your setting."), where it said Korea
// pledged $350 bn under a headline asking how to pay $5,000 bn. Raised to 156 650 (page
// 156 641, 149 243 served) the same session, from a second review: when no upfront share fits,
// the advice names only the levers that fit with nothing upfront ("Pay more in won first." at a
// limit of zero), where it always said "Spread over more years or pay more in won first." above
// an answer that no timeline fits. Lowered to 156 550 (page 156 546, 149 165 served) the same
// session: that question is asked of the model (`model::fits_without_upfront`, with the
// solvers' own `upfront_at`), not rebuilt in the page. Raised to 156 700 (page 156 698, 149 339
// served) in the thirty-second session: on a phone held upright the chart stays at the top of
// the screen while the levers scroll under it (one box, `.stage`, around the chart and the
// levers, and its rules); a reader dragging the timeline saw no bar move, the chart a screen
// above. Preset names lost their brackets ("Japan's deal, Sep 2025 (changed)"), for nothing.
// Raised to 156 950 (page 156 924, 149 477 served) the same session, for what a red-team pass
// found: a page printed from a dark theme is light on the paper (the dark colours are on screens
// only, and the chart and the map are drawn light for print: one media query for each theme
// choice, `use_dark`; two hooks, one for print, cost 200 B more), a tour link with a rejected key
// shows its step, and a limit a hair above zero reads sanely (kept to $0.1 m). Raised to 157 000
// (page 156 963, 149 502 served) the same session: the limit's exact box shows the limit to the
// $0.1 m it is kept to ("0.04", not "0.0" beside "$40 m a year"), and an empty `base=` is refused
// (it pinned the default page). Raised to 157 050 (page 157 026, 149 663 served) the same
// session: the data table keeps the first significant digit of an amount the prose writes but
// whole numbers round to 0 ("-0.0001" where "-0" stood beside "(above limit)"); with the
// terminal table's `log10` it cost 485 B (150 085 served), with a loop 63.
// Raised to 157 350 (page 157 341, 149 896 served) in the thirty-third session: the keys that
// sites and mail tools append to a shared link to count clicks (`fbclid`, `utm_…`) are left out
// silently (a notice naming `fbclid` took 310 px of a phone above the chart), and the chart and
// the map are drawn for the paper when the page is printed (`use_media("print")`: printed from
// a phone, the chart was stretched to the page with its letters and pushed onto page 2). The
// hook that follows a media query asks `matchMedia` in its effect, not in a `use_memo` (the
// first version of the two cost 424 B, 150 087 served). Raised to 157 400 (page 157 352, 149 904
// served) the same session: a lever reached by Tab at the foot of a phone's screen is scrolled up
// with its hint and mark (one rule of the style sheet). Raised to 157 500 (page 157 456, 149 969
// served) the same session, for a reader's review: the Korean labels of the two money levers name
// the box's unit ("약정 총액 (10억 달러)": the words count in 억, the box in billions, and 4000
// typed for 4,000억 made 4조), a phone's Korean data table is no longer squeezed a digit wide,
// and on paper each source gives its address. Raised to 157 550 (page 157 512, 149 992 served)
// the same session: on a phone the tour's step is under the chart it speaks of (above it, the
// words pushed the bars off the screen): its grid area and scroll margins. Lowered to 157 350
// (page 157 344, 149 837 served) the same session: the chart and the map size their drawing with
// one hook (`use_drawing_size`), not each with its own copy of the screen-or-paper choice.
// Lowered to 157 100 (page 157 078, 149 663 served) in the thirty-fourth session: Yew's scheduler
// runs to the end of its queue (vendor/README.md), without the published crate's yield after 16
// ms (a closure and a timer), which left the map drawn for the screen on paper on a slow CPU; a
// rule above what gave way (+3).
// Raised to 157 450 (page 157 420, 149 971 served) the same session: an unknown key is named with
// the known key it was likely meant to be, the one that begins with its three letters
// (`upfrnt=20`: "did you mean upfront?"), and then the notice leaves out the list of twenty keys
// (195 px of a phone's screen against 311).
// Lowered to 157 400 (page 157 369, 149 942 served) the same session: the embed answers `get`
// with its height too, which embed.js asks for when it starts (run late, it had missed the
// embed's only reports, and the iframe kept its 760 px); paid for by reporting every resize the
// body's observer sees, without keeping the last height sent.
// Raised to 157 450 (page 157 413, 149 940 served) the same session: a message lists twenty
// problems and counts the rest (a host's `set` with 50 000 bad keys wrote a 7.8 MB warning).
// Lowered to 157 000 (page 156 986, 149 671 served) the same session: the chart's first drawing
// from a microtask (`spawn_local`), there to be ahead of the published scheduler's yield, is gone
// with the yield; the effect draws it in the same run as the render.
// Raised to 157 050 (page 157 011, 149 602 served: 69 fewer) the same session: the document's
// `lang`, `data-embed` and title are set in the render, not an effect, so an embed's first chart
// is drawn once, for its own margins (it was drawn for the full page's, then again 16 px wider).
// The performance issue's target is 150 000 bytes: the page meets it as served and is over it at
// gzip -9; bench/README.md says by how much and where the bytes go.
// Lower BUDGET_GZIP_BYTES whenever the page gets smaller; never raise it without a reason there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { launch, open, openRequests, BASE_URL } from './harness.mjs';

const BUDGET_GZIP_BYTES = 157_050;
// What the server sends: each text and wasm file's gzip copy written by Zopfli at build time
// (xtask/src/precompress.rs), as a static host with gzip_static sends it. A ratchet of its own
// from 2026-12-01, when it began at 154 400 (page 154 361 on the wire; the files are 154 212);
// 151 600 (page 151 549) with fewer components, as above; with fewer still, the target itself,
// 150 000. Until 2026-12-02 it had to allow for the spread of builds: wasm-bindgen 0.2.105 ordered
// the wasm's imports differently from run to run, which moved Zopfli's output by about 330 B
// (149 558 to 149 887 bytes on the wire over seventeen builds of one source). 0.2.107 sorts them:
// repeated builds are byte-identical, and the page is 149 464 bytes on the wire (149 589 with the
// wordings above). On 2026-12-02 (eleventh session) the page was 150 010: the test server had
// sent every body of 32 KiB or more in chunks, and the browser counts their framing (148 B on the
// wasm); it now sends each file with its Content-Length, as a static host does, so "on the wire"
// is the files' own bytes. Then 149 608 with Zopfli allowed 30 block splits instead of 15 (-402 B
// on the wasm; xtask/src/precompress.rs), and 149 764 with the tour's Korean wording (Zopfli's
// output moves by +156 B for -1 B at gzip -9: a wording can cost a few hundred bytes served).
const SERVED_BUDGET_BYTES = 150_000;
// The performance issue's target for the page's total transfer, gzip.
const TARGET_BYTES = 150_000;
// The chart-download module (pledge_svg.js and its wasm, src/bin/pledge-svg.rs) is fetched the
// moment a reader reaches for a chart download, not with the page; a ratchet of its own.
// Raised from 44 900 to 47 300 (module 47 081) in the sixth session: the module draws the same
// words as the page, so it now carries src/decimal.rs too, while plotters' SVG backend still
// formats opacities and font sizes with core::fmt. The page lost 7.1 KB for it (176 563 → 169 424).
// Lowered to 47 100 (module 46 926) with the shortened boundary names. Raised to 47 200 (module
// 47 127, from about 46 910) with wasm-bindgen 0.2.107, whose glue is smaller for the page and
// slightly larger for this module. Raised to 47 350 (module 47 301) on 2026-12-02: a Korean
// chart's axis counts in 억 dollars, grouped (4,000), as its prose does. Raised to 47 450 (module
// 47 417) on 2026-12-03: it reads file links with the page's parser, which now names a bad key
// inside `base` as `base.<key>` with what that key allows. Raised to 47 800 (module 47 799) on
// 2026-12-03 (sixteenth session): the chart's title says when a preset was changed, which compares
// the scenario with its preset's key by key (+327 B), and the limit line says what it limits.
// Raised to 47 850 (module 47 808) the same day: a key given twice says what it allows, like
// every other rejection ("years=6: given more than once (allowed: once, a whole number from 1 to
// 30)"); the page is 149 940 B served with it. Raised to 47 900 (module 47 871) on 2026-12-04:
// the map's legend names "shares over 100%" only when the map has such cells. Raised to 48 150
// (module 48 134) the same day: each fact carries its name in English and Korean (src/facts.rs),
// and the module links the facts the chart's source line uses. Lowered to 48 100 (module 48 082)
// on 2026-12-04 (twentieth session): the dependencies' source paths, relative to the registry.
// Raised to 48 150 (module 48 139) the same session: a chart drawn from a link with no preset
// cites the pledge it shows ("White House joint fact sheet, 2025-11-13" for Korea's $350 bn).
// Raised to 48 200 (module 48 179, from 48 136) in the twenty-first session: the module reads
// links with the page's parser, where a whole-number key now takes any spelling of a whole
// number (years=30.0 was refused) and a refused share falls back to its preset's exact value;
// the same change made the page 37 B smaller as served. Lowered to 48 000 (module 47 954) the
// same session, once that key was read by the number check alone. Raised to 48 050 (module
// 48 013) in the twenty-second session: the module reads links with the page's parser, whose
// notice now gives a sum of shares over 100 to a tenth ("is 142.9"); the solvers' change of the
// same session (module 48 006 with it alone) is linked in with the model. Raised to 48 100
// (module 48 085) the same session: the chart's words write an amount under $0.1 bn in millions.
// Raised to 48 150 (module 48 137) in the twenty-fourth session: `chart::svg` refuses a size that
// leaves the plot no room (the CLI drew a title and a legend with no chart at --size 400x300), and
// the source line's wording and citations above. Lowered to 47 950 (module 47 930) in the
// twenty-fifth session: wasm-opt's passes run again after the boundary's names are shortened.
// Raised to 48 100 (module 48 053) the same session: the module reads links with the page's
// parser, whose keys are now read in any case and around spaces and whose tour step is checked as
// every whole-number key (the tariff the page's notes now cite is not in the module).
// Lowered to 48 050 (module 48 035) the same session: built without multivalue returns. Raised to
// 48 150 (module 48 100) the same session: the chart draws a baseline only in the years it shares
// with the timeline (one outside it kept its legend entry and stretched the value axis).
// Lowered to 44 450 (module 44 386) in the twenty-sixth session: the link parser finds an
// address's `://` with `split_once`, not `contains`, and the module no longer links core's
// substring searcher, the panic of a bad string slice and the `Debug` of `char` that it quotes
// (-7.1 KB before compression; the page still links the last two through Yew).
// Raised to 44 600 (module 44 545) in the twenty-seventh session: the module reads links with the
// page's parser, whose notice of an unknown key where only scenario keys are read (a baseline, a
// host's `set` message) is a case of its own, so a `set` with `lang` no longer lists `lang` as known.
// Raised to 44 800 (module 44 796) in the thirtieth session: the chart it draws names a limit far
// above the bars over the plot's corner instead of an axis that reaches it (the page's note above).
// Raised to 45 200 (module 45 177) the same session: that limit's band and legend arrow, and
// wrapped lines that keep a unit with its number (the page's note above).
// Raised to 45 400 (module 45 380) in the thirty-first session: the chart's title, its legend and
// the solvers' lines of the text download name the economy's currency as its lever does ("30% in
// won", "Paid in yen", "at least 81% paid in won"), where they said "own currency" beside a lever
// called "Paid in won" (the page's note above).
// Raised to 45 450 (module 45 412) in the thirty-second session: the module reads links with the
// page's parser, which now keeps the limit to $0.1 m and refuses an empty baseline.
// Raised to 45 550 (module 45 534) in the thirty-third session: that parser leaves out the keys
// sites append to count clicks (`fbclid`, `utm_…`), which the module's links never carry but
// pasted and followed ones do.
// Raised to 45 900 (module 45 864) in the thirty-fourth session: that parser's messages name the
// key an unknown one was likely meant to be (the page's note above).
// Raised to 45 950 (module 45 903) the same session: its messages list twenty problems and count
// the rest (the page's note above).
const CHART_MODULE_BUDGET_GZIP_BYTES = 45_950;
// Fonts: every font family a machine lacks and every (family, size, weight, style) the page uses
// is a lookup its first layout waits for, before the first chart (bench/first-layout.mjs; on
// Linux each is a request to the browser process). The style sheet names two families and uses
// three sizes and two weights; the h1's size follows the window, and the share fields are
// monospace.
const FONT_FAMILIES = ['system-ui', 'sans-serif'];
const FONT_BUDGET = 7;

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

/**
 * Loads the page on a fresh tab and returns every response's sizes once the network is idle.
 *
 * A load that stalls (once, in a CI run on 2026-12-02, `goto` waited 30 s for "load" on a page
 * that loads in 2 s) is reported with the requests still open and tried once more on a new tab:
 * this test measures bytes, and every other test would fail on a page that does not load.
 */
async function loadAndMeasure() {
  for (let attempt = 1; ; attempt += 1) {
    const page = await context.newPage();
    const stillOpen = openRequests(page);
    const bodies = [];
    page.on('response', (r) => bodies.push((async () => {
      const body = await r.body();
      const sizes = await r.request().sizes();
      return {
        path: new URL(r.url()).pathname,
        gzip9: zlib.gzipSync(body, { level: 9 }).length,
        // What came over the wire: the encoded body, as the server sent it.
        served: sizes.responseBodySize,
        encoding: (await r.headerValue('content-encoding')) ?? '',
      };
    })()));
    try {
      await page.goto(BASE_URL, { timeout: 20_000 });
      await page.waitForSelector('#chart canvas', { timeout: 20_000 });
      await page.waitForLoadState('networkidle', { timeout: 20_000 });
      const files = await Promise.all(bodies);
      await page.close();
      return files;
    } catch (err) {
      const stalled = `${err.message.split('\n')[0]}; still open: ${stillOpen()}`;
      await page.close();
      if (attempt === 2) throw new Error(`the page did not load in two tries: ${stalled}`);
      console.log(`budget: try ${attempt} stalled (${stalled}); trying once more on a new tab`);
    }
  }
}

test(`the page transfers at most ${SERVED_BUDGET_BYTES} bytes, at most ${BUDGET_GZIP_BYTES} at gzip -9`, async () => {
  const files = await loadAndMeasure();
  const sum = (key) => files.reduce((total, f) => total + f[key], 0);
  const [gzip, served] = [sum('gzip9'), sum('served')];
  console.log(`budget: ${served} bytes served over ${files.length} files: ${files.map((f) => `${f.path} ${f.served}${f.encoding ? ` (${f.encoding})` : ''}`).join(', ')}`);
  console.log(`budget: ${gzip} bytes gzip -9: ${files.map((f) => `${f.path} ${f.gzip9}`).join(', ')}`);
  const verdict = (bytes) => (bytes <= TARGET_BYTES ? 'met' : `not met, ${bytes - TARGET_BYTES} bytes over`);
  console.log(`target ${TARGET_BYTES}: as served ${verdict(served)}; at gzip -9 ${verdict(gzip)}`);
  const wasm = files.find((f) => f.path.endsWith('.wasm'));
  assert.ok(wasm, 'the wasm was fetched');
  assert.equal(wasm.encoding, 'gzip', 'the wasm came as its precompressed gzip copy');
  assert.deepEqual(files.filter((f) => f.path.includes('pledge_svg')), [], 'the chart module waits for a download');
  assert.ok(served <= SERVED_BUDGET_BYTES, `${served} bytes served is over the budget of ${SERVED_BUDGET_BYTES}`);
  assert.ok(gzip <= BUDGET_GZIP_BYTES, `${gzip} bytes gzip -9 is over the budget of ${BUDGET_GZIP_BYTES}`);
});

test(`the chart module a download fetches is at most ${CHART_MODULE_BUDGET_GZIP_BYTES} bytes gzip`, async () => {
  let gzip = 0;
  for (const file of ['pledge_svg.js', 'pledge_svg_bg.wasm']) {
    const res = await fetch(new URL(file, BASE_URL));
    assert.equal(res.status, 200, file);
    gzip += zlib.gzipSync(Buffer.from(await res.arrayBuffer()), { level: 9 }).length;
  }
  console.log(`chart module: ${gzip} bytes gzip`);
  assert.ok(gzip <= CHART_MODULE_BUDGET_GZIP_BYTES, `${gzip} bytes gzip is over ${CHART_MODULE_BUDGET_GZIP_BYTES}`);
});

/** Distinct computed fonts of every element that shows text, and every family stack named. */
const fontsInUse = (page) => page.evaluate(() => {
  const fonts = new Set();
  const stacks = new Set();
  for (const el of document.querySelectorAll('body *')) {
    const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!ownText && !el.matches('input, select, button, textarea')) continue;
    if (!el.checkVisibility()) continue;
    const cs = getComputedStyle(el);
    fonts.add(`${cs.fontFamily} ${cs.fontSize} ${cs.fontWeight} ${cs.fontStyle}`);
    stacks.add(cs.fontFamily);
  }
  return { fonts: [...fonts].sort(), stacks: [...stacks] };
});

for (const [name, q, viewport] of [
  ['the full page with a pinned baseline', '?preset=kr-deal&base=preset%3Dus-demand', { width: 1280, height: 900 }],
  ['the Korean phone page', '?preset=kr-deal&lang=ko', { width: 390, height: 844 }],
  ['the embed', '?preset=kr-deal&embed=1&controls=upfront,years', { width: 700, height: 600 }],
]) {
  test(`${name} shows its text in at most ${FONT_BUDGET} fonts from two family names`, async () => {
    const { page, errors } = await open(context, q, viewport);
    // Everything the page can show (`open` waits for the panels that render after the first
    // paint), every disclosure open.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    const { fonts, stacks } = await fontsInUse(page);
    console.log(`${name}: ${fonts.length} fonts: ${fonts.join(' | ')}`);
    assert.ok(fonts.length <= FONT_BUDGET, `${fonts.length} fonts, over ${FONT_BUDGET}: ${fonts.join(' | ')}`);
    for (const stack of stacks) {
      const names = stack.split(',').map((n) => n.trim());
      const mono = names.includes('monospace');
      assert.ok(mono || names.every((n) => FONT_FAMILIES.includes(n)), `a font stack names more: ${stack}`);
    }
    // The live chart draws its words in the page's first family too.
    const canvasFont = await page.$eval('#chart canvas', (canvas) => canvas.getContext('2d').font);
    assert.match(canvasFont, /system-ui/, `the chart's canvas font is ${canvasFont}`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
