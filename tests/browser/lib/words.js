// Words for comparing the browser's stemmer with site-builder's (rust-stemmers): every
// rule of Snowball's English stemmer, its exceptions, and endings an editor's pages hold.

export const STEMMER_WORDS = `
caress caresses ponies ties tie cries cried gas gaps kiwis this cats dogs bus buss
feed agreed bleed plastered motoring sing hopping hoped hoping filing failing fizzed
tanned falling hissing fizzing luxuriating happy happily happiness sky say saying toy
cry crying by rely relational conditional rational valenci hesitanci digitizer
conformabli radicalli differentli vileli analogousli vietnamization predication operator
feudalism decisiveness hopefulness callousness formaliti sensitiviti sensibiliti
triplicate formative formalize electriciti electrical hopeful goodness revival allowance
inference airliner gyroscopic adjustable defensible irritant replacement adjustment
dependent adoption homologous communism activate angulariti effective bowdlerize probate
rate cease controll roll generously generate generation communication arsenal arsenals
skis skies dying lying tying idly gently ugly early only singly news howe atlas cosmos
bias andes succeed proceed exceed succeeding canning inning earring herring outing
outings yes eyes eying yelling bayonet ayyy yyy beyond obeyed playing employer
consign consigned consigning consignment consist consisted consistency consistent
consistently consisting consists consolation consolatory console consoled consoles
consolidate consolidated consolidating consoling consolingly constable constancy
knack knackeries knacks knave knaves knavish kneaded kneading knee kneel kneeled
kneeling knees knell knelt knew knife knight knightly knights knit knitted knitting
knives knob knocked knocker knockers knocking knot knots analogy geology logically
fully hopelessly really lovingly cement agreement enjoyment abbreviation
stalk stalked stalker stalkers stalking harass harassed harassment harassing
monitor monitored monitoring track tracker trackers tracking protect protected protection
protective order orders ordered orderly police policing report reported reporting
reports injunction injunctions behaviour behaviours threatening threatened unwanted
evidence evidential record recorded recording records partner partners ex partnership
ll ab abs ies ied sses us ss 999 18000 2024 café naïve résumé œuvre straße
`.split(/\s+/).filter(Boolean);

/** Queries a visitor might type: words, phrases, typos, half-typed words, signs. */
export const QUERIES = [
  "protection order", "Protection Orders ", "tracker", "tracker on my car", "stalked",
  "what is stalking", "harasment", "protectoin order", "stlaking", "cover your trakcs",
  "ex-partner's phone", "someone is following me", "999", "silent solution 55", "AirTags",
  "injunction", "restraining order", "can I report online?", "young people school",
  "work colleague", "monitored", "spyware on my phone", "café", "ÉVIDENCE", "the", "a",
  "", "   ", "s", "pr", "pro", "prot", "prote", "protec", "protect", "protecti",
  "protection o", "protection or", "protection ord", "zzzzqqq", "record keeping diary",
  "“quoted” words", "don't", "support services helpline", "emergency", "Welsh Live Fear Free",
];
