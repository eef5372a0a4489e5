"""A hand-made test set for sharing an article: 30 articles and a 200-person network in which we know
whom each article suits.

Thirty people each care about one subject (written the way people fill in a contact: an interest or
two, a tag, a title, a line of notes, sometimes a need); 170 others are made from a fixed pool of
titles, organisations, interests and notes, some of which share words with the articles, so each
article has distractors. Everything is fixed: no randomness beyond a seeded generator.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from orchardist.domain.people import Person


@dataclass(frozen=True)
class Case:
    """One article and the person it is for."""

    key: str
    person: Person
    title: str = ""
    text: str = ""


def _p(
    name: str,
    title: str,
    org: str,
    *,
    interests: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
    needs: tuple[str, ...] = (),
    notes: str = "",
) -> Person:
    return Person(
        display_name=name,
        title=title,
        organisation=org,
        interests=interests,
        tags=tags,
        could_use_help_with=needs,
        notes=notes,
    )


CASES: tuple[Case, ...] = (
    Case(
        "kubernetes",
        _p(
            "Omar Haddad",
            "Site Reliability Engineer",
            "Cedar Software",
            interests=("Kubernetes", "observability"),
            tags=("devops",),
        ),
        "Running Kubernetes clusters without tears",
        "Operators who run Kubernetes in production keep hitting the same walls: noisy pods, "
        "autoscaling that reacts too late, and dashboards nobody reads. This guide walks through "
        "cluster upgrades, pod disruption budgets and observability that catches trouble early.",
    ),
    Case(
        "cloud-cert",
        _p(
            "Priya Raman",
            "Systems Administrator",
            "Harbour Bank",
            needs=("cloud certifications",),
            notes="Studying for the AWS exam in spring",
        ),
        "Which cloud certification should you take first?",
        "AWS, Azure or Google Cloud: the certification paths differ in cost and difficulty. We compare "
        "the associate exams, how long to study, and which certifications employers ask for.",
    ),
    Case(
        "sourdough",
        _p(
            "Grace Tremblay",
            "Accountant",
            "Maple Analytics",
            interests=("sourdough baking", "bread"),
            notes="Brings bread to every potluck",
        ),
        "The science of a sourdough starter",
        "A starter is a community of wild yeast and bacteria. Feeding ratios, flour types and "
        "temperature change how your sourdough rises and how sour the bread tastes.",
    ),
    Case(
        "cycling",
        _p(
            "Lukas Becker",
            "Project Manager",
            "Summit Logistics",
            interests=("road cycling",),
            tags=("cyclist",),
            notes="Rides to work all winter",
        ),
        "Winter cycling: gear that keeps you riding",
        "Studded tyres, fenders and layered clothing make winter cycling safe and even pleasant. "
        "Commuters who ride through snow share what they carry on the bike.",
    ),
    Case(
        "ux-research",
        _p("Chloé Gagnon", "UX Designer", "Bright Media", interests=("user research", "usability testing")),
        "Five usability testing mistakes",
        "Leading questions, testing with colleagues and skipping the debrief make usability studies "
        "worthless. Good user research recruits real users and watches them struggle in silence.",
    ),
    Case(
        "nursing",
        _p(
            "Fatima Diallo",
            "Registered Nurse",
            "Aurora Health",
            tags=("nursing",),
            needs=("a move into nurse education",),
        ),
        "From bedside nursing to nurse educator",
        "Many registered nurses move into clinical education after ten years on the ward. The path "
        "usually needs a master's degree, teaching experience with new graduates, and a mentor.",
    ),
    Case(
        "rust",
        _p("Wei Chen", "Software Engineer", "Vertex Labs", interests=("Rust programming", "compilers")),
        "Why the borrow checker makes you a better programmer",
        "Rust's ownership rules feel strict at first. After a few weeks, programmers report that the "
        "borrow checker taught them to think about lifetimes and memory in every language.",
    ),
    Case(
        "chess",
        _p(
            "Sven Johansson",
            "Data Analyst",
            "Granite Analytics",
            interests=("chess",),
            notes="Plays online chess every evening, rated 1900",
        ),
        "What chess engines taught grandmasters",
        "Since engines passed human strength, grandmasters prepare openings with computer analysis. "
        "Chess players at every level now study endgames the engines revealed.",
    ),
    Case(
        "accessibility",
        _p(
            "Hannah Kowalski",
            "Front-end Developer",
            "Beacon Software",
            interests=("web accessibility",),
            tags=("a11y",),
        ),
        "Screen readers and the forms we build",
        "Unlabelled inputs and error messages that only appear in red lock screen reader users out. "
        "Accessibility audits find the same form problems again and again; here is how to fix them.",
    ),
    Case(
        "supply-chain",
        _p(
            "Kwame Mensah",
            "Director of Operations",
            "Riverbend Logistics",
            interests=("supply chain resilience",),
            notes="Rebuilt their warehouse network",
        ),
        "Supply chains after the shortages",
        "Companies that kept one supplier per part learned hard lessons. Resilient supply chains now "
        "carry more inventory, qualify second suppliers and map risks warehouse by warehouse.",
    ),
    Case(
        "french-learning",
        _p(
            "Amira Said",
            "Customer Service Agent",
            "Prairie Foods",
            needs=("practising French conversation",),
            tags=("newcomer",),
        ),
        "Learning French as an adult: conversation first",
        "Adults who practise conversation from the first week progress faster than those who start "
        "with grammar. Language exchanges and conversation circles in libraries are free.",
    ),
    Case(
        "climate",
        _p(
            "Leila Cohen",
            "Policy Analyst",
            "Evergreen Energy",
            interests=("climate policy", "carbon pricing"),
        ),
        "Does carbon pricing work?",
        "Ten years of carbon pricing data show emissions falling where prices rose steadily. "
        "Climate economists debate rebates, border adjustments and what policy should do next.",
    ),
    Case(
        "salary",
        _p(
            "Dan Roy",
            "Senior Software Engineer",
            "Northwind Software",
            needs=("salary negotiation",),
            notes="Thinking about his next move",
        ),
        "How to negotiate your salary without burning bridges",
        "Research the range, let the employer name a number first, and negotiate the whole offer: "
        "salary, vacation, signing bonus. Recruiters expect negotiation and respect it.",
    ),
    Case(
        "photography",
        _p(
            "Aiko Tanaka",
            "Teacher",
            "Lakeshore School Board",
            interests=("street photography", "film cameras"),
        ),
        "Street photography with a 35mm film camera",
        "Film slows you down: thirty-six frames make every shot count. Street photographers explain "
        "how they expose, focus and develop black and white film at home.",
    ),
    Case(
        "gardening",
        _p(
            "Marc-André Côté",
            "Electrician",
            "Pioneer Energy",
            interests=("vegetable gardening",),
            notes="Grows tomatoes on his balcony",
        ),
        "Balcony vegetable gardens that actually produce",
        "Tomatoes, peppers and herbs grow well in containers with six hours of sun. Gardeners share "
        "soil mixes, watering schedules and which varieties suit a small balcony.",
    ),
    Case(
        "leadership",
        _p(
            "Olivia Smith",
            "Engineering Manager",
            "Keystone Software",
            interests=("leadership", "coaching teams"),
            tags=("new manager",),
        ),
        "Your first ninety days as an engineering manager",
        "New managers struggle to stop coding. The first ninety days are for one-on-ones, learning "
        "what the team needs, and coaching rather than solving every problem yourself.",
    ),
    Case(
        "marathon",
        _p(
            "Mateo García",
            "Account Executive",
            "Sterling Bank",
            interests=("marathon running",),
            notes="Training for the Montréal marathon",
        ),
    ),
    Case(
        "ai-ethics",
        _p(
            "Nadia Yilmaz",
            "Data Scientist",
            "Atlas Analytics",
            interests=("AI ethics", "fairness in machine learning"),
        ),
        "Auditing machine learning models for bias",
        "Fairness audits compare error rates across groups before a model ships. Machine learning "
        "teams now document training data and test for bias the way they test for bugs.",
    ),
    Case(
        "woodworking",
        _p("Tom Wilson", "Product Manager", "Orchard Media", interests=("woodworking", "furniture making")),
        "Hand-cut dovetails for beginners",
        "A sharp chisel, a marking gauge and patience: cutting dovetail joints by hand is the rite "
        "of passage of woodworking. Furniture makers explain how to saw to the line.",
    ),
    Case(
        "podcasting",
        _p(
            "Ama Boateng",
            "Marketing Specialist",
            "Summit Media",
            interests=("podcasting",),
            needs=("audio editing",),
        ),
        "Starting a podcast on a shoestring",
        "A decent microphone, a quiet room and free audio editing software are enough to launch a "
        "podcast. Hosts share how they record interviews and edit episodes in an evening.",
    ),
    Case(
        "startup-funding",
        _p("Yusuf Demir", "Founder", "Meridian Labs", needs=("seed funding", "meeting angel investors")),
        "Raising a seed round in a cold market",
        "Angel investors want traction before they write cheques. Founders who raised seed funding "
        "this year describe their pitch decks, their investors and how long it took.",
    ),
    Case(
        "birdwatching",
        _p(
            "Ingrid Andersen",
            "HR Business Partner",
            "Granite Bank",
            interests=("birdwatching",),
            notes="Keeps a list of every warbler she sees",
        ),
    ),
    Case(
        "excel",
        _p(
            "José Martínez",
            "Office Administrator",
            "Cedar Foods",
            needs=("Excel pivot tables",),
            tags=("spreadsheets",),
        ),
        "Pivot tables in ten minutes",
        "Pivot tables turn a long spreadsheet into a summary you can read. This Excel walkthrough "
        "builds one from sales data, then adds filters and a chart.",
    ),
    Case(
        "mental-health",
        _p(
            "Siobhan O'Brien",
            "Social Worker",
            "Harbour Health",
            interests=("workplace mental health",),
            tags=("wellbeing",),
        ),
        "Burnout is a workplace problem, not a personal one",
        "Psychologists studying burnout find that workload, fairness and control matter more than "
        "resilience training. Mental health at work starts with how the work is organised.",
    ),
    Case(
        "chamber-music",
        _p("Gabriel Santos", "Architect", "Vertex Group", interests=("violin", "chamber music")),
    ),
    Case(
        "recruiting",
        _p(
            "Isabella Rossi",
            "Talent Acquisition Partner",
            "Aurora Group",
            interests=("inclusive hiring",),
            tags=("recruiter",),
        ),
        "Structured interviews make hiring fairer",
        "Recruiters who ask every candidate the same questions and score answers against a rubric "
        "hire better and more inclusively. Structured interviews also shorten the debrief.",
    ),
    Case(
        "electric-cars",
        _p(
            "Liam Nguyen",
            "Mechanical Engineer",
            "Pioneer Group",
            interests=("electric vehicles", "batteries"),
        ),
        "What cold weather does to an electric car's battery",
        "Electric vehicles lose range in winter because batteries and cabin heating compete for "
        "energy. Heat pumps and preconditioning recover much of it.",
    ),
    Case(
        "volunteering",
        _p(
            "Ananya Patel",
            "Student",
            "Concordia University",
            interests=("volunteering",),
            needs=("Canadian work experience",),
            notes="Volunteers at the food bank on Saturdays",
        ),
    ),
    Case(
        "cybersecurity",
        _p(
            "Carlos Ferreira",
            "Security Analyst",
            "Sterling Software",
            interests=("phishing", "incident response"),
            tags=("infosec",),
        ),
        "Anatomy of a phishing campaign",
        "The attackers registered look-alike domains a week before sending. Incident response teams "
        "traced the phishing emails, reset credentials and blocked the domains within hours.",
    ),
    Case(
        "board-games",
        _p(
            "Élodie Moreau",
            "Pharmacist",
            "Prairie Health",
            interests=("board games",),
            notes="Hosts a board game night every month",
        ),
    ),
)

# The articles of the cases above that had none written inline (kept short, in the same register).
_MORE: dict[str, tuple[str, str]] = {
    "marathon": (
        "Training for your first marathon",
        "Sixteen weeks, a long run every weekend and easy miles in between: marathon training plans "
        "agree on more than runners think. Tapering and race-day pacing matter as much as mileage.",
    ),
    "birdwatching": (
        "Spring migration: where to see warblers",
        "Warblers arrive in May, and the best birdwatching is at dawn near water. Birders share the "
        "parks where migrating birds rest and how to tell the warblers apart by song.",
    ),
    "chamber-music": (
        "Playing chamber music as an amateur",
        "String quartets of amateurs meet in living rooms all over the city. A violin, a viola and a "
        "cello player explain how they choose repertoire and rehearse chamber music for fun.",
    ),
    "volunteering": (
        "Volunteering as a way into Canadian work experience",
        "Newcomers who volunteer at food banks and community centres gain references and Canadian "
        "work experience. Employers value volunteering when it is described like a job.",
    ),
    "board-games": (
        "The board games everyone asks for at game night",
        "Cooperative board games have taken over game nights. Hosts of monthly board game evenings "
        "list the games that teach in five minutes and keep a table of six laughing.",
    ),
}


def cases() -> list[Case]:
    """The thirty cases, each with its article."""
    found = []
    for case in CASES:
        if case.key in _MORE:
            title, text = _MORE[case.key]
            found.append(Case(case.key, case.person, title, text))
        else:
            found.append(case)
    assert len(found) == 30 and all(case.text for case in found)
    return found


_GIVEN = (
    "Sam Noah Emma Sofia Zoë Mei Arjun Ahmed Tariq Aoife Seán Mateus Hiroshi María Ana Pedro Lucía "
    "Juliana Yuki Kim Alex Jordan Taylor Morgan Riley"
).split()
_FAMILY = (
    "Bouchard Okafor Whitefeather Müller Schmidt D'Arcy López Wang Li Zhang Park Singh Kumar Ndiaye "
    "Bianchi Dubois Lefebvre Novak Horvat Levi Silva Costa MacDonald Campbell"
).split()
_TITLES = (
    "Software Engineer|Data Analyst|Product Manager|Recruiter|Project Manager|Consultant|Accountant|"
    "Teacher|Nurse|Sales Representative|Operations Manager|Graphic Designer|Financial Analyst|"
    "Business Analyst|Marketing Manager|Customer Success Manager|Administrative Assistant"
).split("|")
_ORGS = (
    "Maple Health|Northwind Bank|Cedar Labs|Lakeshore Logistics|Bright Software|Riverbend Foods|"
    "Summit Energy|Harbour Media|Aurora Analytics|Granite Group"
).split("|")
# Interests that share words with some articles without being what they are about.
_INTERESTS = (
    "hiking|cooking|travel|jazz|yoga|reading|soccer|photography of birds|running clubs|"
    "cloud gaming|bread making classes|team sports|data visualisation|public speaking|"
    "music festivals|gardening shows|movies|podcasts about history|skiing|chess puzzles for kids|"
    "electric guitars|volunteer firefighting|museum visits|wine|board meetings"
).split("|")
_NOTES = (
    "Met at the spring networking breakfast|Former colleague from the downtown office|"
    "Knows everyone in the finance team|Likes long lunches|Moved here from Toronto|"
    "Asked me about the conference|Great at explaining things|Has two kids and a dog|"
    "Works mostly remotely|Met through the alumni association"
).split("|")


def network_people() -> list[Person]:
    """The 200 people: the thirty the articles are for, and 170 others (seeded, so always the same)."""
    chooser = random.Random(20261207)
    people = [case.person for case in CASES]
    for number in range(170):
        given, family = chooser.choice(_GIVEN), chooser.choice(_FAMILY)
        interests = tuple(chooser.sample(_INTERESTS, chooser.choice((0, 1, 1, 2))))
        people.append(
            Person(
                display_name=f"{given} {family} {number}",
                given_name=given,
                family_name=f"{family} {number}",
                title=chooser.choice(_TITLES),
                organisation=chooser.choice(_ORGS),
                interests=interests,
                tags=tuple(chooser.sample(("linkedin", "former colleague", "alumni", "neighbour"), 1)),
                notes=chooser.choice(_NOTES) if chooser.random() < 0.6 else "",
            )
        )
    assert len(people) == 200
    return people
