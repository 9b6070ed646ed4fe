"""
What the demo community has already said and shared: a scenario forum in its
second Delphi round, peer counselling cases in four languages, and a toolbox
with resources from four countries.

Everything is written through ``vetnet_plugin.api``, as the members would
have written it through the blocks, so the pages show what the product
really does with such content. Each feature is loaded once, in one
transaction: when its content is already there (looked up through the API),
it is left as it is.
"""
from dataclasses import dataclass
from io import BytesIO

from django.db import transaction

from vetnet_plugin import api

from .demo_scenario_translations import SCENARIO_TRANSLATIONS

# -- Communication: the scenario forum --------------------------------------------------------

# Round 1 scores per member, per seed scenario key: (plausibility, desirability).
ROUND_ONE_SCORES = {
    "marco": {"labour-market-driven-vet": (4, 4), "green-and-digital-crafts": (3, 5),
              "trainers-as-coaches": (2, 5), "fragmented-status-quo": (4, 1)},
    "eleni": {"labour-market-driven-vet": (3, 4), "green-and-digital-crafts": (2, 4),
              "trainers-as-coaches": (2, 4), "fragmented-status-quo": (5, 1)},
    "jordi": {"labour-market-driven-vet": (4, 3), "green-and-digital-crafts": (4, 5),
              "trainers-as-coaches": (3, 4), "fragmented-status-quo": (3, 1)},
    "claire": {"labour-market-driven-vet": (5, 4), "green-and-digital-crafts": (3, 4),
               "trainers-as-coaches": (3, 5), "fragmented-status-quo": (3, 2)},
    "anna": {"labour-market-driven-vet": (4, 5), "green-and-digital-crafts": (3, 4),
             "trainers-as-coaches": (2, 3), "fragmented-status-quo": (4, 2)},
}

# Rationales given in round 1, in each member's own language: (member, scenario key, language, text).
ROUND_ONE_RATIONALES = (
    ("marco", "labour-market-driven-vet", "it",
     "In Emilia-Romagna i tavoli con le associazioni artigiane esistono già: il rischio è che decidano "
     "solo le imprese più grandi."),
    ("marco", "trainers-as-coaches", "it",
     "Auspicabile, ma oggi nessuno paga il tempo dei formatori fuori dall'aula."),
    ("eleni", "fragmented-status-quo", "el",
     "Στην Ελλάδα αυτό είναι σήμερα η πραγματικότητα: οι μικρές επιχειρήσεις δεν έχουν χρόνο για "
     "προσκλήσεις με τόση γραφειοκρατία."),
    ("eleni", "green-and-digital-crafts", "el",
     "Τα κουπόνια βοηθούν, αλλά οι πολύ μικρές επιχειρήσεις δύσκολα τα αξιοποιούν."),
    ("jordi", "green-and-digital-crafts", "ca",
     "A Catalunya ja veiem tallers que aprenen a instal·lar bombes de calor fent-ho; cal que la formació "
     "hi arribi a temps."),
    ("claire", "labour-market-driven-vet", "fr",
     "Les micro-certifications reconnues en Europe avancent vite : ce scénario est très plausible d'ici 2035."),
    ("anna", "labour-market-driven-vet", "it",
     "La Regione finanzia già corsi modulari; servono dati sui fabbisogni più affidabili."),
)

# Round 2 (open): members revise after reading round 1's aggregates and reasons.
ROUND_TWO_SCORES = {
    "marco": {"labour-market-driven-vet": (4, 4), "green-and-digital-crafts": (3, 5)},
    "claire": {"labour-market-driven-vet": (4, 4), "trainers-as-coaches": (3, 4)},
}


@dataclass(frozen=True)
class DemoPost:
    """A post in a scenario's discussion; ``replies`` answer it."""

    author: str
    language: str
    body: str
    replies: tuple = ()


DISCUSSIONS = {
    "labour-market-driven-vet": (
        DemoPost(
            "eleni", "el",
            "Ποιος θα συμμετέχει στα περιφερειακά συμβούλια δεξιοτήτων; Οι πολύ μικρές επιχειρήσεις σπάνια "
            "εκπροσωπούνται, ενώ είναι η πλειονότητα στη χώρα μας.",
            replies=(
                DemoPost("marco", "it",
                         "Da noi le associazioni artigiane parlano a nome delle micro-imprese: potrebbe "
                         "funzionare anche in Grecia con le camere e le associazioni di categoria?"),
                DemoPost("claire", "fr",
                         "Au niveau européen, le Pacte pour les compétences encourage ces partenariats "
                         "régionaux : c'est peut-être une source de financement."),
            ),
        ),
    ),
    "green-and-digital-crafts": (
        DemoPost(
            "jordi", "ca",
            "A PIMEC hem provat formació dins del taller amb una empresa de climatització: el formador "
            "hi va passar tres dies i l'equip va aprendre més que en un curs de dues setmanes.",
            replies=(
                DemoPost("anna", "it",
                         "Interessante per i voucher regionali: come avete misurato cosa hanno imparato?"),
            ),
        ),
        DemoPost(
            "trainer", "en",
            "Round 1 is closed and the chart shows where we agree. Round 2 is open: read the reasons "
            "others gave, then rate again — you may keep or change your scores.",
        ),
    ),
}

# Claire translates Eleni's opening question into English, for those who do not read Greek.
TRANSLATION = ("claire", "labour-market-driven-vet", "en",
               "Who will sit on the regional skills councils? Micro-enterprises are rarely represented, "
               "yet in our country they are the majority.")

PROPOSAL = {
    "author": "jordi",
    "language": "es",
    "title": "Aprender entre pymes: redes de aprendices compartidos",
    "narrative": (
        "En 2035 las pymes de un mismo territorio comparten **aprendices y tutores**: un aprendiz de "
        "electricidad pasa unos meses en cada taller de la red y aprende instalaciones solares, "
        "domótica y mantenimiento.\n\n"
        "Las asociaciones empresariales coordinan la red y la administración financia al tutor compartido. "
        "El riesgo: que la coordinación recaiga en pocas personas voluntarias."
    ),
    "drivers": ["Skills shortages in crafts and SMEs", "Green transition"],
    "policy_choices": ["Work-based learning and apprenticeships as the usual route into crafts"],
}


def _forum_summary(course_key, usage_key, trainer) -> str:
    where = {"course_key": course_key, "usage_key": usage_key}
    results = api.get_delphi_results(user=trainer, **where)
    closed = [r.number for r in results.rounds if not r.is_open]
    current = results.current_round
    scenarios = api.list_scenarios(user=trainer, **where)
    posts = sum(api.post_counts(thread_ids=[s.thread_id for s in scenarios]).values())
    pending = api.count_pending_proposals(**where)
    rounds = ", ".join(f"round {n} closed" for n in closed) or "no round closed yet"
    if current is not None and current.is_open:
        rounds += f", round {current.number} open ({results.current_raters} rated so far)"
    return f"{rounds}; {posts} posts; {pending} proposal(s) awaiting moderation"


def load_scenario_forum(*, forum_settings: dict, users: dict) -> str:
    """
    The scenario forum of the Communication unit, from its block's settings
    (``forum_settings``, what the block hands the plugin on every view):
    round 1 rated and closed, round 2 open, discussions, a translation and a
    proposal awaiting moderation. Returns a one-line summary.
    """
    api.configure_scenario_forum(**forum_settings)
    course_key, usage_key = forum_settings["course_key"], forum_settings["usage_key"]
    trainer = users["trainer"]
    if not api.list_rating_rounds(course_key=course_key, usage_key=usage_key):
        with transaction.atomic():
            _fill_forum(course_key, usage_key, forum_settings["seeds"], users)
    return _forum_summary(course_key, usage_key, trainer)


def translate_seed_scenarios(*, course_key, scenarios, trainer) -> None:
    """The course team's translations of the seed scenarios (``SCENARIO_TRANSLATIONS``), credited to the trainer."""
    for key, languages in SCENARIO_TRANSLATIONS.items():
        if key not in scenarios:
            continue
        for language, (title, narrative) in languages.items():
            api.contribute_translation(user=trainer, course_key=course_key, kind=api.SCENARIO_TRANSLATION,
                                       object_id=scenarios[key].uuid, language=language, title=title,
                                       body=narrative)


def _fill_forum(course_key, usage_key, seeds, users) -> None:
    trainer = users["trainer"]
    where = {"course_key": course_key, "usage_key": usage_key}
    by_title = {s.title: s for s in api.list_scenarios(user=trainer, **where)}
    scenarios = {seed["key"]: by_title[seed["title"]] for seed in seeds}
    rationales = {(member, key): (language, text) for member, key, language, text in ROUND_ONE_RATIONALES}

    translate_seed_scenarios(course_key=course_key, scenarios=scenarios, trainer=trainer)
    api.open_rating_round(user=trainer, **where)
    for member, scores in ROUND_ONE_SCORES.items():
        for key, (plausibility, desirability) in scores.items():
            language, text = rationales.get((member, key), ("", ""))
            api.rate_scenario(user=users[member], scenario_uuid=scenarios[key].uuid, plausibility=plausibility,
                              desirability=desirability, rationale=text, language=language, **where)
    api.close_rating_round(user=trainer, **where)
    api.open_rating_round(user=trainer, **where)
    for member, scores in ROUND_TWO_SCORES.items():
        for key, (plausibility, desirability) in scores.items():
            api.rate_scenario(user=users[member], scenario_uuid=scenarios[key].uuid, plausibility=plausibility,
                              desirability=desirability, **where)

    first_posts = {}
    for key, posts in DISCUSSIONS.items():
        thread_id = scenarios[key].thread_id
        for post in posts:
            created = api.create_post(user=users[post.author], course_key=course_key, thread_id=thread_id,
                                      body=post.body, language=post.language)
            first_posts.setdefault(key, created.id)
            for reply in post.replies:
                api.create_post(user=users[reply.author], course_key=course_key, thread_id=thread_id,
                                body=reply.body, language=reply.language, parent_id=created.id)
    translator, key, language, body = TRANSLATION
    api.contribute_translation(user=users[translator], course_key=course_key, kind="post",
                               object_id=first_posts[key], language=language, body=body)
    proposal = dict(PROPOSAL)
    api.propose_scenario(user=users[proposal.pop("author")], **where, **proposal)


# -- Communication: peer counselling ----------------------------------------------------------


@dataclass(frozen=True)
class DemoCase:
    """A case a member opened, with the answers it received; ``solved`` accepts the first answer."""

    owner: str
    language: str
    title: str
    problem: str
    already_tried: str
    outcome_wanted: str
    sector: str
    country: str
    topics: tuple
    answers: tuple = ()  # (adviser, language, text)
    solved: bool = False


DEMO_CASES = (
    DemoCase(
        "marco", "it", "Le botteghe artigiane non prendono apprendisti",
        "Nella nostra provincia le falegnamerie con meno di cinque addetti rifiutano gli apprendisti: dicono "
        "che seguirli toglie troppo tempo al titolare.",
        "Abbiamo chiamato le imprese una per una e offerto il contributo regionale.",
        "Cinque posti di apprendistato per il prossimo anno formativo.",
        "wood_furniture", "IT", ("apprenticeships", "sme-training-needs"),
        answers=(("jordi", "es", "En Cataluña compartimos un tutor de empresa entre tres talleres pequeños: "
                                 "cada taller acoge al aprendiz dos días y el centro paga parte del tutor."),
                 ("claire", "en", "Several Belgian networks pool apprentices in a training consortium, so one "
                                  "small firm never carries the whole burden.")),
        solved=True,
    ),
    DemoCase(
        "eleni", "el", "Οι εκπαιδευτές μας δεν χρησιμοποιούν ψηφιακά εργαλεία",
        "Οι εκπαιδευτές στα σεμινάρια για τα ξενοδοχεία φοβούνται τα ψηφιακά εργαλεία και επιστρέφουν "
        "πάντα στις διαφάνειες.",
        "Ένα εργαστήριο μιας ημέρας για τις πλατφόρμες.",
        "Κάθε εκπαιδευτής να χρησιμοποιεί ένα ψηφιακό εργαλείο σε κάθε μάθημα.",
        "hospitality", "GR", ("digital-skills",),
        answers=(("marco", "it", "Da noi ha funzionato affiancare ogni formatore a un collega più giovane per "
                                 "un mese, con un solo strumento alla volta."),),
        solved=True,
    ),
    DemoCase(
        "jordi", "ca", "Com presentar una sol·licitud Erasmus+ per primera vegada?",
        "Som una associació petita i mai no hem demanat un projecte Erasmus+ de mobilitat per a aprenents.",
        "Hem llegit la guia del programa.",
        "Una primera sol·licitud de mobilitat l'any vinent.",
        "ict", "ES", ("eu-funding",),
        answers=(("claire", "en", "Start with an accreditation-free short-term project and ask your national "
                                  "agency for their free application workshop."),),
    ),
    DemoCase(
        "claire", "en", "Learners leave the bakery course after the first month",
        "A third of our bakery learners drop out in the first month, most of them when the early shifts begin.",
        "Longer induction week.", "Half as many early leavers.",
        "agrifood", "BE", ("early-leaving",),
    ),
)


def load_counselling(*, course_key, usage_key: str, title: str, topics, allow_private: bool, users: dict) -> str:
    """
    Peer counselling in the Communication unit, from its block's settings: cases
    in four languages, two of them solved, one answered, one waiting for help.
    Returns a one-line summary.
    """
    api.configure_counselling_desk(course_key=course_key, usage_key=usage_key, title=title, topics=topics,
                                   allow_private=allow_private)
    trainer = users["trainer"]
    where = {"course_key": course_key, "usage_key": usage_key}
    if not api.list_cases(user=trainer, **where).count:
        with transaction.atomic():
            known = {t["code"] for t in topics}
            for case in DEMO_CASES:
                _open_demo_case(case, known, where, users)
    queue = api.list_cases(user=trainer, **where)
    solved = api.list_cases(user=trainer, state="solved", **where).count
    return f"{queue.count} cases, {solved} solved"


def _open_demo_case(case: DemoCase, known, where, users) -> None:
    opened = api.open_case(user=users[case.owner], **where, title=case.title, problem=case.problem,
                           already_tried=case.already_tried, outcome_wanted=case.outcome_wanted,
                           sector=case.sector, country=case.country, language=case.language,
                           topics=[t for t in case.topics if t in known])
    first = None
    for adviser, language, text in case.answers:
        post = api.answer_case(user=users[adviser], **where, case_uuid=opened.summary.uuid, body=text,
                               language=language)
        first = first or post
    if case.solved and first is not None:
        api.accept_answer(user=users[case.owner], **where, case_uuid=opened.summary.uuid, post_id=first.id)


# -- Sharing: the toolbox ------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoResource:
    """A resource a member deposits: a link, or a small file made here."""

    author: str
    metadata: api.ResourceMetadata
    link_url: str = ""
    filename: str = ""
    content: bytes = b""


def _tiny_pdf(lines) -> bytes:
    """A small valid one-page PDF showing ``lines`` (ASCII), with a correct cross-reference table."""
    text = "".join(
        f"BT /F1 12 Tf 56 {780 - 20 * number} Td ({line.replace('(', '[').replace(')', ']')}) Tj ET\n"
        for number, line in enumerate(lines)
    ).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


CHECKLIST_PDF = _tiny_pdf([
    "In-company tutor checklist - first week of an apprentice",
    "1. Welcome: introduce the team, the workshop and its safety rules.",
    "2. Agree the learning plan with the training centre.",
    "3. Choose one real task the apprentice completes by Friday.",
    "4. Ten minutes of feedback at the end of each day.",
    "5. Note what to show the trainer at the next visit.",
])

SKILLS_CSV = (
    b"occupation,region,vacancies_2025,hard_to_fill_share,skills_most_missing\n"
    b"heat pump installer,Catalonia,420,0.71,refrigerant handling; system sizing\n"
    b"solar PV installer,Catalonia,380,0.64,electrical safety; roof work\n"
    b"building energy auditor,Catalonia,95,0.58,thermography; energy modelling software\n"
    b"e-commerce assistant,Catalonia,210,0.35,online shop management; digital marketing\n"
)


def _meta(title, description, resource_type, country, sectors, eqf, languages, target, licence, tags):
    return api.ResourceMetadata(
        title=title, description=description, resource_type=resource_type, country=country,
        sectors=tuple(sectors), eqf_levels=tuple(eqf), languages=tuple(languages), target_group=target,
        licence=licence, tags=tuple(tags),
    )


RESOURCES = (
    DemoResource("marco", _meta(
        "Modular course on energy retrofit for building crafts",
        "Six modules of 16 hours for bricklayers, plasterers and installers who renovate homes: insulation, "
        "thermal bridges, ventilation and how to explain savings to customers. Built with the regional "
        "construction school and piloted with 40 workers.",
        "training_material", "IT", ["construction", "energy"], ["3", "4"], ["it"], "trainers", "cc-by-sa",
        ["energy retrofit", "modular course", "green skills"],
    ), link_url="https://example.org/ecipa/energy-retrofit-modules"),
    DemoResource("eleni", _meta(
        "Skills needs of small enterprises in Greek tourism: survey results",
        "Survey of 600 small hotels, restaurants and travel businesses: which skills they miss, how they "
        "train staff and what stops them. With recommendations for VET providers and regional authorities.",
        "document", "GR", ["hospitality"], ["3", "4", "5"], ["el", "en"], "policy_makers", "cc-by",
        ["skills needs", "survey", "tourism"],
    ), link_url="https://example.org/ime-gsevee/tourism-skills-survey"),
    DemoResource("jordi", _meta(
        "Digital self-assessment tool for SMEs",
        "An online questionnaire of 30 questions that shows a small firm how digital it is, in six areas, "
        "and suggests short courses for the staff. Free for associations to reuse under their own name.",
        "technological_tool", "ES", ["ict", "manufacturing", "retail_trade"], [], ["ca", "es", "en"],
        "sme_staff", "cc-by-nc-sa", ["digital transition", "self-assessment"],
    ), link_url="https://example.org/pimec/digital-self-assessment"),
    DemoResource("jordi", _meta(
        "Green jobs in Catalan crafts: vacancies and missing skills (data)",
        "A small table from regional job-board data: green craft occupations, vacancies in 2025, the share "
        "that is hard to fill and the skills employers miss most. CSV, ready to open in a spreadsheet.",
        "project_result", "ES", ["energy", "construction"], ["4", "5"], ["en"], "vet_managers", "cc0",
        ["labour market", "green skills", "open data"],
    ), filename="green-craft-vacancies-catalonia.csv", content=SKILLS_CSV),
    DemoResource("claire", _meta(
        "Guide to Erasmus+ mobility for apprentices in craft SMEs",
        "Step by step: how a small firm hosts or sends an apprentice abroad with Erasmus+, what the "
        "intermediary organisation does and how learning outcomes are recognised on return.",
        "document", "BE", ["cross_sector"], ["3", "4"], ["fr", "en", "nl"], "vet_managers", "cc-by",
        ["erasmus+", "mobility", "apprenticeship"],
    ), link_url="https://example.org/craft-sme-network/erasmus-apprentice-mobility"),
    DemoResource("trainer", _meta(
        "In-company tutor checklist: an apprentice's first week",
        "A one-page checklist for the craftsperson who welcomes an apprentice: what to do on the first "
        "days, and what to agree with the training centre.",
        "training_material", "IT", ["cross_sector"], ["2", "3", "4"], ["en"], "sme_staff", "cc-by",
        ["work-based learning", "tutor", "checklist"],
    ), filename="tutor-checklist-first-week.pdf", content=CHECKLIST_PDF),
    DemoResource("anna", _meta(
        "Regional micro-credentials for adult upskilling: a policy note",
        "How the region recognises short courses in its qualifications register, who pays for them and "
        "what the first two years showed. Written for other regions and for VET providers.",
        "document", "IT", ["cross_sector"], ["4", "5"], ["it", "en"], "policy_makers", "cc-by-nd",
        ["micro-credentials", "policy", "recognition"],
    ), link_url="https://example.org/region/micro-credentials-policy-note"),
)

# Deposited through the REST API (say, from a partner's own site), where staff approve deposits first:
# it waits in the trainer's moderation queue.
PENDING_RESOURCE = DemoResource("eleni", _meta(
    "Video: a bakery apprentice's day in Thessaloniki",
    "Eight minutes following an apprentice baker and her tutor, with Greek and English subtitles. Useful "
    "to show young people and their families what an apprenticeship in a craft looks like.",
    "video", "GR", ["agrifood"], ["3"], ["el", "en"], "guidance", "cc-by-nc",
    ["apprenticeship", "video", "guidance"],
), link_url="https://example.org/ime-gsevee/bakery-apprentice-video")

# (member, resource title, stars, review text)
REVIEWS = (
    ("eleni", "Modular course on energy retrofit for building crafts", 5,
     "Clear modules; we are adapting two of them for plumbers in Crete."),
    ("claire", "Modular course on energy retrofit for building crafts", 4,
     "Very practical. An English summary of each module would help other countries."),
    ("marco", "Digital self-assessment tool for SMEs", 4,
     "Quick to fill in; the firms liked seeing their own profile."),
    ("anna", "Guide to Erasmus+ mobility for apprentices in craft SMEs", 5,
     "Exactly what our regional SMEs asked for."),
)

ADOPTION = {
    "member": "marco", "title": "Digital self-assessment tool for SMEs",
    "context": "Used with 12 repair workshops before our digital skills course.",
    "outcome": "success",
    "report": "Nine firms completed it; the results let us drop one module nobody needed and add one "
              "on online booking.",
}

COLLECTION = {
    "owner": "claire", "title": "Green transition in craft SMEs", "visibility": "community",
    "description": "Resources from the partners for trainers preparing green-skills courses.",
    "resources": ("Modular course on energy retrofit for building crafts",
                  "Green jobs in Catalan crafts: vacancies and missing skills (data)"),
}


def _deposit(resource: DemoResource, where, users):
    extra = {"link_url": resource.link_url} if resource.link_url else {
        "file": BytesIO(resource.content), "filename": resource.filename,
    }
    return api.deposit_resource(user=users[resource.author], **where, metadata=resource.metadata, **extra)


def _toolbox_has_demo(where, trainer) -> bool:
    first = RESOURCES[0].metadata.title
    page = api.list_resources(user=trainer, **where, filters=api.ResourceFilters(search=first),
                              with_facets=False)
    return any(item.title == first for item in page.items)


def load_toolbox(*, where, users: dict) -> str:
    """
    The Sharing unit's toolbox, as its block calls the toolbox (``where``: the course and the
    block's ``ToolboxContext``). Returns a one-line summary.
    """
    trainer = users["trainer"]
    if not _toolbox_has_demo(where, trainer):
        with transaction.atomic():
            _fill_toolbox(where, users)
    published = api.list_resources(user=users["marco"], **where, with_facets=False, page_size=100)
    files = sum(1 for r in published.items if r.current_version and not r.current_version.is_link)
    reviews = sum(r.rating_count for r in published.items)
    adoptions = sum(r.adoption_count for r in published.items)
    pending = api.list_moderation_queue(user=trainer, **where).count
    collections = len(api.list_collections(user=trainer, **where))
    return (f"{published.count} published resources ({files} files), {reviews} reviews, {adoptions} adoption(s), "
            f"{collections} shared collection(s); {pending} awaiting moderation")


def _fill_toolbox(where, users) -> None:
    deposited = {resource.metadata.title: _deposit(resource, where, users).uuid for resource in RESOURCES}
    waiting = {"course_key": where["course_key"], "context": api.ToolboxContext(scope="both", moderation="approval")}
    _deposit(PENDING_RESOURCE, waiting, users)
    for member, title, stars, text in REVIEWS:
        api.review_resource(user=users[member], **where, resource_uuid=deposited[title], rating=stars,
                            text=text)
    member, uuid = users[ADOPTION["member"]], deposited[ADOPTION["title"]]
    api.adopt_resource(user=member, **where, resource_uuid=uuid, context_note=ADOPTION["context"])
    api.report_adoption_outcome(user=member, **where, resource_uuid=uuid, outcome=ADOPTION["outcome"],
                                report=ADOPTION["report"])
    owner = users[COLLECTION["owner"]]
    collection = api.create_collection(user=owner, **where, title=COLLECTION["title"],
                                       description=COLLECTION["description"], visibility=COLLECTION["visibility"])
    for title in COLLECTION["resources"]:
        api.add_to_collection(user=owner, **where, collection_uuid=collection.uuid,
                              resource_uuid=deposited[title])


# -- the Collaboration unit's workspaces ------------------------------------------------

DEMO_WORKSPACE_TITLE = "Renovation module for small building firms"
DEMO_WORKSPACE_TEXT = """# Renovation module for small building firms

Goal: a 40-hour continuing-training module that a craft SME can release its staff for.

## Units
1. Airtightness and insulation of existing walls (Marco)
2. Heat pumps in small renovations (Jordi)
3. Funding the training: regional and European instruments (Eleni)

## Open questions
- Can the practical part take place on the firms' own building sites?
"""


def load_workspaces(*, course_key, usage_key, users: dict) -> str:
    """
    An active workspace in the Collaboration unit, with a document, its
    revisions, tasks, a conversation and an attached resource (once).
    """
    marco, eleni, jordi = users["marco"], users["eleni"], users["jordi"]
    themes = api.list_themes(user=marco, course_key=course_key, usage_key=usage_key)
    existing = [w for entry in themes for w in entry.workspaces if w.title == DEMO_WORKSPACE_TITLE]
    if not existing:
        with transaction.atomic():
            workspace = api.create_workspace(
                user=marco, course_key=course_key, usage_key=usage_key, theme_key=themes[0].theme.key,
                title=DEMO_WORKSPACE_TITLE, goal="Write a **40-hour module** on energy-efficient renovation "
                "that small building firms can release their staff for.")
            where = {"course_key": course_key, "workspace_uuid": workspace.uuid}
            for person in (eleni, jordi):
                api.join_workspace(user=person, **where)
            first = api.save_document(user=marco, base_revision=0, text=DEMO_WORKSPACE_TEXT.split("## Open")[0],
                                      **where)
            api.save_document(user=jordi, base_revision=first.document.revision, text=DEMO_WORKSPACE_TEXT, **where)
            api.set_workspace_state(user=marco, state="active", **where)
            api.create_task(user=marco, title="Collect three renovation case studies", assignee_id=eleni.id, **where)
            task = api.create_task(user=jordi, title="Draft unit 2 on heat pumps", assignee_id=jordi.id, **where)
            api.update_task(user=jordi, task_uuid=task.uuid, state="doing", **where)
            opening = api.post_in_workspace(user=marco, body="Shall we try the module with two firms in "
                                            "Bergamo before the summer? I can ask the local builders' association.",
                                            **where)
            api.post_in_workspace(user=eleni, parent_id=opening.id, body="Yes. The regional fund pays for "
                                  "pilots too: I will add the call to unit 3.", **where)
            found = api.find_attachable_resources(user=jordi, search="", **where)
            if found:
                api.attach_resource(user=jordi, resource_uuid=found[0].resource_uuid, **where)
        existing = [api.get_workspace(user=marco, course_key=course_key, workspace_uuid=workspace.uuid)]
    shown = existing[0]
    return f"“{shown.title}” ({shown.state}, {shown.member_count} members)"



DEMO_PRACTICES = (
    ("eleni", "Regional funds for mentor training in Crete", "GR", "hospitality", "el", "5",
     "Hotels of the island pooled **Erasmus+ KA1** mobility and regional funds to train one mentor per "
     "workshop; the mentors now train the next ones without funding."),
    ("jordi", "Shared apprenticeship office for small building firms", "ES", "construction", "ca", "4",
     "Twelve building firms of one district share an apprenticeship office funded by an **ESF+** call; "
     "it places apprentices, follows them and keeps the firms' paperwork."),
)


def load_repository(*, course_key, assignment, users: dict) -> str:
    """Two practices accepted into the best-practice repository, one credited and staff-approved (once)."""
    trainer = users["trainer"]
    where = {"course_key": course_key, "usage_key": assignment.usage_key}
    listed = 0
    for index, (username, title, country, sector, language, eqf, summary) in enumerate(DEMO_PRACTICES):
        author = users[username]
        view = api.get_learner_view(user=author, **where)
        if view.practice is None:
            with transaction.atomic():
                sections = {section.key: summary for section in assignment.sections}
                draft = api.save_draft(user=author, title=title, sections=sections, version=0, **where)
                practice = api.submit_practice(user=author, version=draft.version, **where)
                api.override_grade(user=trainer, practice_uuid=practice.uuid, score=0.86 - index * 0.1,
                                   reason="Reviewed by the course team for the demo.", **where)
                if index == 0:
                    api.approve_for_repository(user=trainer, practice_uuid=practice.uuid, **where)
        page = api.list_repository(user=author, course_key=course_key, filters=api.RepositoryFilters(search=title))
        for entry in page.items:
            if entry.title == title:
                api.describe_repository_entry(
                    user=author, course_key=course_key, entry_uuid=entry.uuid, summary=summary, country=country,
                    sector=sector, language=language, eqf_level=eqf, credit_author=index == 0)
                listed += 1
    return f"{listed} practices in the repository"
