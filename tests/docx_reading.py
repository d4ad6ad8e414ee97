"""Reading a built .docx the way an instructor and a careful Word user check one: its
sections, its voice, its citations, its fields and properties, its tables' layout."""

from __future__ import annotations

import re
from io import BytesIO

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

from rapport.core.citations import citations_in, matches
from rapport.core.framework import Framework

SECOND_PERSON = re.compile(r"\b(you|your|yours|yourself)\b", re.IGNORECASE)
# ".," is stray, except after "et al." (APA: "Dixon et al., 2010").
STRAY_PUNCTUATION = re.compile(r"\.;|;\.|\.\.|,\.|(?<!\bal)\.,|;;|,,| [.,;:]|\(\s*\)")
# The tool by its name (capitalized: "rapport" is also what practice 7 builds), or talk of
# an app, a model answer or an answer key.
TOOL_TALK = re.compile(r"\bRapport\b|(?i:\b(?:this app|the app|model answer|answer key)\b)")


def reopen(raw: bytes) -> DocumentObject:
    return Document(BytesIO(raw))


def headings(doc: DocumentObject, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def section(doc: DocumentObject, title: str) -> list[str]:
    """The paragraph texts of a level-1 section, up to the next level-1 heading."""
    texts, inside = [], False
    for paragraph in doc.paragraphs:
        if paragraph.style.name == "Heading 1":
            if inside:
                break
            inside = paragraph.text == title
            continue
        if inside and paragraph.text.strip():
            texts.append(paragraph.text)
    return texts


def body_before_references(doc: DocumentObject) -> list[str]:
    texts = []
    for paragraph in doc.paragraphs:
        if paragraph.style.name == "Heading 1" and paragraph.text == "References":
            break
        texts.append(paragraph.text)
    for table in doc.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return texts


def reference_entries(doc: DocumentObject) -> list[str]:
    """The entries after the References heading (not the contents' line of that name)."""
    paragraphs = doc.paragraphs
    start = next(
        i
        for i, p in enumerate(paragraphs)
        if p.style.name == "Heading 1" and p.text == "References"
    )
    return [p.text for p in paragraphs[start + 1 :] if p.text.strip()]


def citation_problems(doc: DocumentObject, framework: Framework) -> list[str]:
    """APA's two rules, on the built document: every in-text citation has its entry in the
    reference list, and every entry is cited in the text."""
    text = "\n".join(body_before_references(doc))
    found = citations_in(text)
    listed = reference_entries(doc)
    problems = []
    for citation in found:
        owners = [r for r in framework.references if matches(citation, r)]
        if not owners:
            problems.append(f"cited but not a reference: {citation}")
        elif not any(entry.startswith(owners[0].apa.split("(")[0].strip()) for entry in listed):
            problems.append(f"cited but missing from the list: {citation}")
    for reference in framework.references:
        if not any(matches(c, reference) for c in found):
            problems.append(f"listed but never cited: {reference.key}")
    if len(listed) != len(framework.references):
        problems.append(f"{len(listed)} entries listed for {len(framework.references)} sources")
    return problems


def field_instructions(doc: DocumentObject) -> list[str]:
    """Every field code in the body, headers and footers."""
    parts = [doc.element.body]
    for section_ in doc.sections:
        parts += [section_.footer._element, section_.header._element]
    return [(node.text or "").strip() for part in parts for node in part.iter(qn("w:instrText"))]


def table_rows(doc: DocumentObject) -> list:
    return [row for table in doc.tables for row in table.rows]


STUDENT_SECTIONS = ("Introduction", "My self-assessment", "Conclusion")
RESEARCH_SECTION = "Good practices in the research"


def report_problems(doc: DocumentObject, framework: Framework) -> list[str]:
    """Everything the course instructor and a careful Word user would fault, as a list:
    empty for a report worth handing in. Shared by the unit tests (a report built from the
    sample answers) and the browser test (a report downloaded from the page)."""
    problems = citation_problems(doc, framework)
    for text in section(doc, RESEARCH_SECTION):
        if SECOND_PERSON.search(text) or TOOL_TALK.search(text):
            problems.append(f"research addressed to the reader or about the tool: {text[:80]}")
    for title in STUDENT_SECTIONS:
        texts = section(doc, title)
        if not texts:
            problems.append(f"no {title} section")
        for text in texts:
            if SECOND_PERSON.search(text) or TOOL_TALK.search(text):
                problems.append(f"{title} not in the student's voice: {text[:80]}")
    for text in body_before_references(doc):
        if STRAY_PUNCTUATION.search(text):
            problems.append(f"stray punctuation: {text[:80]}")
    fields = field_instructions(doc)
    if not any(f.startswith("TOC ") for f in fields):
        problems.append("no table of contents field")
    if not {"PAGE", "NUMPAGES"} <= set(fields):
        problems.append("no Page X of Y")
    for row in table_rows(doc):
        if row._tr.trPr is None or row._tr.trPr.find(qn("w:cantSplit")) is None:
            problems.append("a table row may split across pages")
            break
    if doc.core_properties.last_modified_by != "Rapport":
        problems.append("last modified by someone else")
    if doc.core_properties.created is None or doc.core_properties.created.year < 2026:
        problems.append(f"created {doc.core_properties.created}: the template's date")
    return problems
