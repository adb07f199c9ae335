"""DocxReader on the bundled samples and on documents built here with python-docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from pipeline.document import BlockKind, Region
from pipeline.readers import read
from pipeline.readers.docx import DocxReader

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"


@pytest.fixture(scope="module")
def wifi():
    return read(SAMPLES / "skhcn-wifi-cong-cong.docx")


@pytest.fixture(scope="module")
def minh_long():
    return read(SAMPLES / "minh-long-ha-tang-so.docx")


def texts(doc, region):
    return [b.text for b in doc.paragraphs() if b.region is region]


# -- bundled samples ------------------------------------------------------------------------


def test_header_columns_become_regions(wifi):
    left = texts(wifi, Region.HEADER_LEFT)
    right = texts(wifi, Region.HEADER_RIGHT)
    assert left[:2] == ["UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]
    assert "Số: /SKHCN-CN&CĐS" in left  # the blank left for the number is squashed to one space
    assert left[-1].startswith("V/v đề nghị báo cáo kết quả") and left[-1].endswith("của thôn, làng)")
    assert right == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Quảng Ngãi, ngày tháng 7 năm 2025",
    ]
    assert not any("———" in b.text for b in wifi.blocks)  # decorative rules dropped
    # reading order: the whole left column, then the right column, then the body
    regions = [b.region for b in wifi.blocks[:8]]
    assert regions == [Region.HEADER_LEFT] * 4 + [Region.HEADER_RIGHT] * 3 + [Region.BODY]
    assert wifi.blocks[7].text == "Kính gửi:"


def test_signature_columns_become_regions(wifi):
    assert texts(wifi, Region.SIGNATURE_LEFT) == [
        "Nơi nhận:",
        "- Như trên;",
        "- Giám đốc Sở (báo cáo);",
        "- Lưu: VT, BCVTCĐSNTMN.",
    ]
    assert texts(wifi, Region.SIGNATURE_RIGHT) == ["KT.GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Trọng Tâm"]


def test_signature_table_without_signer_is_still_a_signature():
    doc = read(SAMPLES / "skhcn-de-xuat-cchc.docx")
    assert texts(doc, Region.SIGNATURE_LEFT)[0] == "Nơi nhận:"
    assert doc.tables() == []


def test_footnotes_are_read_from_the_footnotes_part(wifi):
    notes = [b for b in wifi.blocks if b.kind is BlockKind.FOOTNOTE]
    assert [b.note_id for b in notes] == ["1", "2", "3", "4"]
    assert wifi.blocks[-4:] == tuple(notes)  # at the end of the blocks
    first = notes[0].text
    assert first.startswith("Phường Kon Tum; Phường Đăk Cấm")
    assert len(first.rstrip(".").split("; ")) == 40
    assert notes[1].text == "Viettel Quảng Ngãi; Viễn thông Kon Tum."


def test_note_refs_sit_where_the_marks_were(wifi):
    para = next(b for b in wifi.paragraphs() if b.text.startswith("- Ủy ban nhân dân các xã"))
    assert para.text == "- Ủy ban nhân dân các xã, phường;"
    (ref,) = para.notes
    assert ref.note_id == "1"
    assert para.text[: ref.offset] == "- Ủy ban nhân dân các xã, phường"
    refs = {n.note_id: (b.text, n.offset) for b in wifi.paragraphs() for n in b.notes}
    assert set(refs) == {"1", "2", "3", "4"}
    text, offset = refs["3"]
    assert text[:offset].endswith("Chuyển đổi số tỉnh Kon Tum năm 2025")


def test_appendix_task_table(minh_long):
    (table,) = minh_long.tables()
    rows = table.rows
    assert rows[0] == ("TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian")
    assert all(len(r) == 5 for r in rows)
    assert sum(1 for r in rows if r[0] == "TT") == 1
    task = next(r for r in rows if r[0] == "1.1")
    assert task[1].startswith("Triển khai kịp thời các cơ chế")
    assert task[2] == "Phòng Văn hóa và Thông tin"
    assert task[4] == "2025-2030"
    # two paragraphs in one cell are kept apart by a newline
    assert next(r for r in rows if r[0] == "4.5")[2] == "Các cơ quan, ban, ngành;\nUBND cấp xã"
    assert [r[0] for r in rows[1:4]] == ["1", "1.1", "1.2"]


def test_blocks_keep_document_order(minh_long):
    kinds = [(b.kind, b.region) for b in minh_long.blocks]
    table_at = kinds.index((BlockKind.TABLE, Region.BODY))
    last_signature = max(i for i, (_, r) in enumerate(kinds) if r is Region.SIGNATURE_RIGHT)
    appendix = next(i for i, b in enumerate(minh_long.blocks) if b.text == "PHỤ LỤC")
    assert last_signature < appendix < table_at
    assert minh_long.blocks[table_at - 1].text.startswith("(Kèm theo Kế hoạch số")


def test_pages_and_metadata(wifi):
    assert wifi.format == "docx"
    assert wifi.pages == 1  # docProps/app.xml says so
    assert wifi.metadata["author"] == "python-docx"
    assert wifi.metadata["created"].startswith("2013-12-23T23:15:00")
    assert "title" not in wifi.metadata  # empty in core.xml


def test_news_article_has_no_layout_regions():
    doc = read(SAMPLES / "tin-quang-nam-wifi.docx")
    assert {b.region for b in doc.blocks} == {Region.BODY}
    assert doc.blocks[0].text == "Quảng Nam: Phủ sóng wifi và họp trực tuyến đến vùng sâu, vùng xa"


# -- documents built here -------------------------------------------------------------------


def _cell_lines(cell, lines):
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _official(tmp_path: Path) -> Path:
    d = docx.Document()
    header = d.add_table(rows=1, cols=2)
    _cell_lines(
        header.cell(0, 0),
        ["ỦY BAN NHÂN DÂN", "XÃ AN PHÚ", "-----", "Số:    12/UBND-VX", "V/v thử nghiệm bảng hai cột"],
    )
    _cell_lines(
        header.cell(0, 1),
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "An Phú, ngày 2 tháng 8 năm 2025",
        ],
    )
    d.add_paragraph("")
    d.add_paragraph("Kính gửi: Phòng Văn hóa và Thông tin")
    p = d.add_paragraph("Dòng thứ nhất")
    p.add_run().add_break()
    p.add_run("dòng thứ hai sau ngắt dòng cứng, đủ dài để là một đoạn văn.")
    d.add_paragraph("   ")
    data = d.add_table(rows=4, cols=3)
    for c, text in enumerate(["TT", "Nội dung", "Thời hạn"]):
        data.cell(0, c).text = text
    data.cell(1, 0).text = "1"
    data.cell(1, 1).merge(data.cell(1, 2)).text = "Nhóm nhiệm vụ gộp hai cột"
    data.cell(2, 0).text = "1.1"
    data.cell(2, 1).text = "Việc kéo dài hai hàng"
    data.cell(2, 1).merge(data.cell(3, 1))
    data.cell(2, 2).text = "2025"
    data.cell(3, 0).text = "1.2"
    data.cell(3, 2).text = "2026"
    d.add_paragraph("Đề nghị các đơn vị thực hiện nghiêm túc nội dung trên./.")
    sig = d.add_table(rows=1, cols=2)
    _cell_lines(sig.cell(0, 0), ["Nơi nhận:", "- Như trên;", "- Lưu: VT."])
    _cell_lines(sig.cell(0, 1), ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Trần Văn B"])
    path = tmp_path / "built.docx"
    d.save(path)
    return path


def test_built_document_regions_breaks_and_merged_cells(tmp_path):
    doc = DocxReader().read(_official(tmp_path))
    assert texts(doc, Region.HEADER_LEFT) == [
        "ỦY BAN NHÂN DÂN",
        "XÃ AN PHÚ",
        "Số: 12/UBND-VX",
        "V/v thử nghiệm bảng hai cột",
    ]
    assert texts(doc, Region.HEADER_RIGHT)[-1] == "An Phú, ngày 2 tháng 8 năm 2025"
    body = texts(doc, Region.BODY)
    assert body[0] == "Kính gửi: Phòng Văn hóa và Thông tin"
    assert body[1] == "Dòng thứ nhất\ndòng thứ hai sau ngắt dòng cứng, đủ dài để là một đoạn văn."
    assert "" not in body and len(body) == 3  # the empty and blank paragraphs are skipped
    (table,) = doc.tables()
    # python-docx's own API would repeat a merged cell's text in every grid column it covers
    assert table.rows == (
        ("TT", "Nội dung", "Thời hạn"),
        ("1", "Nhóm nhiệm vụ gộp hai cột", ""),
        ("1.1", "Việc kéo dài hai hàng", "2025"),
        ("1.2", "", "2026"),
    )
    assert texts(doc, Region.SIGNATURE_LEFT) == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    assert texts(doc, Region.SIGNATURE_RIGHT) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn B"]
    # the data table sits between the body paragraphs, where it is in the document
    kinds = [b.kind for b in doc.blocks if b.region is Region.BODY]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]


_FOOTNOTES_XML = (
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote>"
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Nghị định số '
    "30/2020/NĐ-CP.</w:t></w:r></w:p></w:footnote>"
    '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>'
    '<w:r><w:t xml:space="preserve"> Dòng một.</w:t></w:r></w:p>'
    "<w:p><w:r><w:t>Dòng hai.</w:t></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)


def _ref(note_id: str):
    run = OxmlElement("w:r")
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), note_id)
    run.append(ref)
    return run


def test_built_footnotes_and_note_offsets(tmp_path):
    d = docx.Document()
    p = d.add_paragraph("Căn cứ Nghị định")
    p._p.append(_ref("1"))
    p.add_run(" về công tác văn thư;")
    q = d.add_paragraph("Mark between spaces ")
    q._p.append(_ref("2"))
    q.add_run(" end.")
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        _FOOTNOTES_XML.encode(),
        d.part.package,
    )
    d.part.relate_to(part, RT.FOOTNOTES)
    path = tmp_path / "notes.docx"
    d.save(path)

    doc = read(path)
    first, second = doc.paragraphs()
    assert first.text == "Căn cứ Nghị định về công tác văn thư;"
    assert [(n.offset, n.note_id) for n in first.notes] == [(len("Căn cứ Nghị định"), "1")]
    assert second.text == "Mark between spaces end."  # no double space where the mark was
    assert second.notes[0].offset == len("Mark between spaces ")
    assert doc.footnotes() == {"1": "Nghị định số 30/2020/NĐ-CP.", "2": "Dòng một.\nDòng hai."}
    assert [b.kind for b in doc.blocks[-2:]] == [BlockKind.FOOTNOTE, BlockKind.FOOTNOTE]


def test_automatic_numbering_and_bullets_are_put_back(tmp_path):
    from docx import Document as make

    from pipeline.extract import extract

    d = make()
    d.add_paragraph("Kính gửi: Ủy ban nhân dân các xã")
    d.add_paragraph("Ủy ban nhân dân cấp xã", style="List Number")
    d.add_paragraph("Báo cáo kết quả rà soát về Sở Nội vụ chậm nhất ngày 20/8/2026.", style="List Bullet")
    d.add_paragraph("Sở Nội vụ", style="List Number")
    d.add_paragraph("Tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 31/8/2026.", style="List Bullet")
    path = tmp_path / "list.docx"
    d.save(path)
    texts = [b.text for b in read(path).blocks]
    assert texts[1:] == [
        "1. Ủy ban nhân dân cấp xã",
        "- Báo cáo kết quả rà soát về Sở Nội vụ chậm nhất ngày 20/8/2026.",
        "2. Sở Nội vụ",
        "- Tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 31/8/2026.",
    ]
    obligations = {(o.value.owners, o.value.due.isoformat()) for o in extract(read(path)).obligations}
    assert obligations == {(("Ủy ban nhân dân cấp xã",), "2026-08-20"), (("Sở Nội vụ",), "2026-08-31")}


# -- legacy fonts -----------------------------------------------------------------------------


def test_a_docx_typed_in_tcvn3_reads_as_unicode(tmp_path, wifi):
    # every run of the sample retyped in .VnTime (TCVN3 has no byte for an accented capital: "TỈNH"
    # was typed "TØNH" in .VnTimeH, which reads back as "tỉnh"); converted before the header
    # table is recognised, so the layout regions are found as in the Unicode file
    from tests.helpers.office import word_ready

    typed = DocxReader().read(word_ready(SAMPLES / "skhcn-wifi-cong-cong.docx", tmp_path / "vntime.docx", "TCVN3"))
    assert typed.metadata["legacy_font"] == "TCVN3"
    assert typed.warnings[0] == "văn bản gõ bằng phông chữ cũ TCVN3, đã chuyển sang Unicode"
    assert [b.region for b in typed.blocks] == [b.region for b in wifi.blocks]
    assert [b.text.lower() for b in typed.blocks] == [b.text.lower() for b in wifi.blocks]


def test_unicode_samples_are_not_taken_for_a_legacy_font():
    for path in sorted(SAMPLES.glob("*.docx")):
        assert "legacy_font" not in read(path).metadata, path.name
