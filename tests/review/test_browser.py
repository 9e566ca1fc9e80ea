"""The review page in a real headless Chromium (Selenium + Debian's chromium-driver): keyboard screening,
a correction reaching the report, a conflict settled by a third reviewer, a revised record flagged, a
``<script>`` title kept as text, and a POST without its form token refused. Skipped without Chromium,
except under CI=true where it fails."""

from __future__ import annotations

import os
import shutil

import pytest

from ketamine_evidence.harvest import decisions
from ketamine_evidence.harvest.store import Store
from tests.review.conftest import TRIAL, TRIAL_FILE, TRIAL_TITLE

webdriver = pytest.importorskip("selenium.webdriver") if os.environ.get("CI") != "true" else None
from selenium import webdriver  # noqa: E402  (under CI a missing selenium must fail, not skip)
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def chrome():
    binary = next((p for n in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(n))), None)
    driver_path = shutil.which("chromedriver")
    if binary is None or driver_path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium and chromium-driver must be installed in CI (apt-get install chromium chromium-driver)")
        pytest.skip("chromium or chromedriver is not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture
def browser(chrome):
    chrome.delete_all_cookies()
    yield chrome
    chrome.delete_all_cookies()


def wait_for(driver, predicate, timeout: float = 15):
    """``predicate`` true within ``timeout``; a page being replaced meanwhile is not an error."""
    return WebDriverWait(driver, timeout, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)
                         ).until(lambda d: predicate(d))


def press(driver, key: str) -> None:
    """A key pressed on the page (not in a text box), then the navigation it starts is awaited."""
    old = driver.find_element(By.TAG_NAME, "html")
    ActionChains(driver).send_keys(key).perform()
    wait_for(driver, lambda d: _stale(old))
    wait_for(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-review-ready") == "1")


def _stale(element) -> bool:
    try:
        element.tag_name
        return False
    except Exception:  # noqa: BLE001  (StaleElementReferenceException: the page was replaced)
        return True


def body_text(driver) -> str:
    """The page's visible text, read in one script call: an element handle fetched first and read after can
    belong to a page the browser has meanwhile replaced (Chromium then answers 'Node with given id does not
    belong to the document', which is not a StaleElementReferenceException)."""
    return driver.execute_script("return document.body ? document.body.innerText : '';") or ""


def submit(driver, act) -> None:
    """Run ``act`` (a click on a submit button, Enter in a form's box) and wait until the page the POST leads
    to has replaced the current one and is ready."""
    old = driver.find_element(By.TAG_NAME, "html")
    act()
    wait_for(driver, lambda d: _stale(old))
    wait_for(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-review-ready") == "1")


def click_and_wait(driver, element_id: str) -> None:
    """Click a submit button and wait for the page the POST leads to (its 'Saved' note)."""
    submit(driver, driver.find_element(By.ID, element_id).click)
    wait_for(driver, lambda d: "Saved: " in body_text(d))


def open_page(driver, url: str) -> None:
    driver.get(url)
    wait_for(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-review-ready") == "1")


def sign_in(driver, server, name: str) -> None:
    open_page(driver, server.url)
    box = driver.find_element(By.ID, "reviewer")
    box.clear()
    submit(driver, lambda: box.send_keys(name + Keys.ENTER))
    wait_for(driver, lambda d: f"Deciding as {name}." in body_text(d))
    driver.find_element(By.TAG_NAME, "body").click()  # focus leaves the name box


def history(ws) -> list[decisions.Decision]:
    with Store(ws.store, create=False) as store:
        return decisions.history(store)


def test_three_records_screened_with_the_keyboard(browser, server, workspace):
    sign_in(browser, server, "Ann")
    queue = [row.get_attribute("data-key") for row in browser.find_elements(By.CSS_SELECTOR, "#queue tbody tr")]
    press(browser, "o")                        # open the first record
    assert browser.current_url.startswith(f"{server.base}/record/{queue[0]}")
    press(browser, "i")                        # include; the next record opens
    assert f"/record/{queue[1]}" in browser.current_url
    press(browser, "e")                        # exclude with the reason shown (the first)
    assert f"/record/{queue[2]}" in browser.current_url
    press(browser, "4")                        # exclude: 'wrong outcome (not pain)'
    assert f"/record/{queue[3]}" in browser.current_url
    made = [(d.key, d.field, d.value, d.reason, d.reviewer) for d in history(workspace)]
    assert made == [(queue[0], "included", "true", None, "Ann"),
                    (queue[1], "included", "false", "wrong population", "Ann"),
                    (queue[2], "included", "false", "wrong outcome (not pain)", "Ann")]
    open_page(browser, f"{server.base}/?filter=unreviewed")
    left = [row.get_attribute("data-key") for row in browser.find_elements(By.CSS_SELECTOR, "#queue tbody tr")]
    assert left[0] == queue[3] and not set(queue[:3]) & set(left)


def test_a_correction_reaches_the_regenerated_report(browser, server, workspace):
    sign_in(browser, server, "Ann")
    open_page(browser, f"{server.base}/record/{TRIAL}")
    row = browser.find_element(By.ID, "f-n_participants")
    assert row.find_element(By.CSS_SELECTOR, "td.machine").text.startswith("80")
    value = row.find_element(By.NAME, "value")
    value.clear()
    value.send_keys("81")
    row.find_element(By.NAME, "reason").send_keys("one more patient in the full text")
    submit(browser, row.find_element(By.CSS_SELECTOR, "button[value=correct]").click)
    wait_for(browser, lambda d: "Saved: 21935491 n_participants = 81 (Ann)." in body_text(d))
    assert browser.find_element(By.CSS_SELECTOR, "#f-n_participants td.person").text.startswith("81")

    workspace.extract()
    html = workspace.report().read_text(encoding="utf-8")
    browser.get((workspace.reports / "report.html").as_uri())
    wait_for(browser, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("data-report-ready") == "1")
    row = browser.find_element(By.XPATH, f"//tr[.//a[contains(@href, '/{TRIAL}/')]]")
    cell = row.find_element(By.CSS_SELECTOR, "td[data-col=n]")
    assert cell.text.startswith("81") and "checked by Ann" in cell.get_attribute("innerHTML")
    assert "machine: 80" in cell.get_attribute("innerHTML")
    assert "values checked by a person" in html


def test_two_reviewers_conflict_and_a_third_settles(browser, server, workspace):
    page = f"{server.base}/record/{TRIAL}"
    sign_in(browser, server, "Ann")
    open_page(browser, page)
    click_and_wait(browser, "include")
    sign_in(browser, server, "Bob")
    open_page(browser, page)
    browser.find_element(By.ID, "reason").send_keys("wrong study design")
    click_and_wait(browser, "exclude")
    open_page(browser, page)
    flag = browser.find_element(By.ID, "conflict-flag")
    screening = browser.find_element(By.ID, "screening").text
    assert flag.is_displayed() and "Ann says true" in screening and "Bob says false" in screening
    open_page(browser, f"{server.base}/?filter=conflicts")
    assert [r.get_attribute("data-key") for r in browser.find_elements(By.CSS_SELECTOR, "#queue tbody tr")] == [TRIAL]

    sign_in(browser, server, "Cy")
    open_page(browser, page)
    click_and_wait(browser, "include")
    open_page(browser, page)
    assert browser.find_elements(By.ID, "conflict-flag") == []
    assert browser.find_element(By.ID, "person-included").text == "included"
    open_page(browser, f"{server.base}/?filter=conflicts")
    assert browser.find_elements(By.CSS_SELECTOR, "#queue tbody tr[data-key]") == []
    assert [d.reviewer for d in history(workspace)] == ["Ann", "Bob", "Cy"]


def test_a_record_revised_after_review_is_flagged(browser, server, workspace):
    sign_in(browser, server, "Ann")
    open_page(browser, f"{server.base}/record/{TRIAL}")
    submit(browser, browser.find_element(By.CSS_SELECTOR, "#f-design button[value=accept]").click)
    wait_for(browser, lambda d: "Saved: 21935491 design = rct (Ann)." in body_text(d))
    assert browser.find_elements(By.ID, "changed-flag") == []

    workspace.revise_title(TRIAL_FILE, TRIAL_TITLE + ": a randomised trial")
    workspace.harvest()                         # the record gets version 2 while the page is served
    open_page(browser, f"{server.base}/record/{TRIAL}")
    assert browser.find_element(By.ID, "changed-flag").is_displayed()
    assert "a randomised trial" in browser.find_element(By.ID, "title").text
    assert "decided on version 1, now 2" in browser.find_element(By.ID, "f-design").text
    open_page(browser, f"{server.base}/?filter=changed")
    assert [r.get_attribute("data-key") for r in browser.find_elements(By.CSS_SELECTOR, "#queue tbody tr")] == [TRIAL]

    workspace.extract()
    from ketamine_evidence.analysis import load_tables
    studies = load_tables(workspace.tables).studies.set_index("study_id")
    assert bool(studies.at[TRIAL, "changed_since_review"]) and studies.at[TRIAL, "design"] == "rct"
    html = workspace.report().read_text(encoding="utf-8")
    assert "changed since review" in html


def test_a_script_in_a_title_stays_text(browser, server, workspace):
    probe = "<script>document.title='pwned';document.body.setAttribute('data-pwned','1')</script> probe"
    workspace.revise_title(TRIAL_FILE, probe + " " + TRIAL_TITLE)
    workspace.harvest()
    open_page(browser, f"{server.base}/record/{TRIAL}")
    assert browser.title != "pwned" and browser.find_element(By.TAG_NAME, "body").get_attribute("data-pwned") is None
    assert browser.find_element(By.ID, "title").text.startswith(probe)
    assert browser.find_elements(By.CSS_SELECTOR, "#title script") == []
    assert len(browser.find_elements(By.TAG_NAME, "script")) == 1   # only the page's own, nonce'd script


def test_a_post_without_its_form_token_is_refused_and_changes_nothing(browser, server, workspace):
    sign_in(browser, server, "Ann")
    open_page(browser, f"{server.base}/record/{TRIAL}")
    old = browser.find_element(By.TAG_NAME, "html")
    browser.execute_script("var f = document.getElementById('screen-form');"
                           "f.querySelector('[name=csrf]').remove(); document.getElementById('exclude').click();")
    wait_for(browser, lambda d: _stale(old))
    assert "missing or wrong form token" in browser.find_element(By.ID, "error").text
    open_page(browser, f"{server.base}/record/{TRIAL}")
    old = browser.find_element(By.TAG_NAME, "html")
    browser.execute_script("var f = document.getElementById('screen-form');"
                           "f.querySelector('[name=csrf]').value = 'forged'; document.getElementById('include').click();")
    wait_for(browser, lambda d: _stale(old))
    assert "missing or wrong form token" in browser.find_element(By.ID, "error").text
    assert history(workspace) == []
