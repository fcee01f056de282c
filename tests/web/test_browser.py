"""End-to-end journeys in headless Chromium (Debian's chromium + chromedriver, driven by Selenium).

CI installs the browser (.ci/run); on a machine without it these tests skip, except under CI=true
where a missing browser is a failure. The product-tour test saves screenshots of the main pages
into docs/tour/, which the README links.
"""

import os
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

from crm.interactions.models import Interaction
from crm.interactions.services import TransferInput, interaction_create
from tests.factories import ClinicianFactory

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
TOUR = Path(__file__).resolve().parents[2] / "docs" / "tour"
PASSWORD = "pw-for-tests-1"
VALID_ID = "11010519491231002X"

if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI needs Debian's chromium and chromium-driver (installed by .ci/run)")
    pytest.skip("chromium and chromedriver are not installed", allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=zh-CN",
        "--window-size=1280,900",
    ):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


def wait(driver, condition, timeout=10):
    return WebDriverWait(driver, timeout).until(condition)


def login(driver, live_server, username):
    driver.delete_all_cookies()
    driver.get(live_server.url + "/login/")
    driver.find_element(By.ID, "id_username").send_keys(username)
    driver.find_element(By.ID, "id_password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait(driver, EC.url_changes(live_server.url + "/login/"))


def fill_visit_with_gift(driver, doctor):
    driver.find_element(By.ID, "id_summary").send_keys("拜访王院长，讨论双向转诊流程，带了一盒茶叶。")
    Select(driver.find_element(By.ID, "id_tov-0-nature")).select_by_value("gift")
    driver.find_element(By.ID, "id_tov-0-description").send_keys("茶叶一盒")
    driver.find_element(By.ID, "id_tov-0-amount").send_keys("120")
    Select(driver.find_element(By.ID, "id_tov-0-recipient")).select_by_value(str(doctor.pk))


def test_liaison_logs_a_visit_with_a_gift_and_sees_the_flag(browser, live_server, liaison, organization):
    doctor = ClinicianFactory(organization=organization, name="王建国")
    login(browser, live_server, liaison.username)
    browser.get(f"{live_server.url}/partners/{organization.pk}/log/visit/")
    fill_visit_with_gift(browser, doctor)
    panel = browser.find_element(By.ID, "policy-panel")
    wait(browser, lambda d: "¥120" in panel.text)  # the live panel answered before saving
    assert not Interaction.objects.exists()
    browser.find_element(By.CSS_SELECTOR, "#log-form button[type=submit]").click()
    badge = wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "main .badge.pending")))
    assert badge.text.strip()
    assert Interaction.objects.get().review_status == "pending"


def test_case_discussion_with_id_number_is_refused_and_text_kept(browser, live_server, liaison, organization):
    login(browser, live_server, liaison.username)
    browser.get(f"{live_server.url}/partners/{organization.pk}/log/case/")
    note = f"患者身份证号{VALID_ID}，建议尽快转上级医院神经内科。"
    browser.find_element(By.ID, "id_summary").send_keys(note)
    browser.find_element(By.ID, "id_case_code").send_keys("ZZ-2611-037")
    for field, value in (("case_age_band", "65-79"), ("case_sex", "M"), ("case_condition_group", "cerebrovascular"),
                         ("case_topic", "pre_referral")):
        Select(browser.find_element(By.ID, f"id_{field}")).select_by_value(value)
    browser.find_element(By.CSS_SELECTOR, "#log-form button[type=submit]").click()
    alert = wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "[role=alert]")))
    assert alert.is_displayed()
    assert browser.find_element(By.ID, "id_summary").get_attribute("value") == note
    assert browser.find_element(By.ID, "id_case_code").get_attribute("value") == "ZZ-2611-037"
    assert "110105********002X" in browser.page_source
    assert not Interaction.objects.exists()


def test_reviewer_approves_and_the_liaison_sees_the_outcome(browser, live_server, liaison, reviewer, organization):
    doctor = ClinicianFactory(organization=organization, name="王建国")
    interaction = interaction_create(
        author=liaison, kind="visit", organization=organization, occurred_at=timezone.now(),
        summary="拜访王院长，讨论双向转诊流程。",
        transfers=[TransferInput(nature="gift", description="茶叶一盒", amount=Decimal("120"),
                                 recipient_clinician=doctor)],
    )
    login(browser, live_server, reviewer.username)
    browser.get(f"{live_server.url}/review/")
    browser.find_element(By.CSS_SELECTOR, f"a[href$='/review/{interaction.pk}/']").click()
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "button[value=approve]"))).click()
    wait(browser, lambda d: Interaction.objects.get(pk=interaction.pk).review_status == "approved")
    login(browser, live_server, liaison.username)
    browser.get(f"{live_server.url}/interactions/{interaction.pk}/")
    assert browser.find_elements(By.CSS_SELECTOR, "main .badge.approved")


def test_phone_width_log_form_fits_without_sideways_scrolling(browser, live_server, liaison, organization):
    ClinicianFactory(organization=organization, name="王建国")
    browser.set_window_size(360, 780)
    login(browser, live_server, liaison.username)
    browser.get(f"{live_server.url}/partners/{organization.pk}/log/visit/")
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 360, width
    button = browser.find_element(By.CSS_SELECTOR, "#log-form button[type=submit]")
    assert button.size["width"] <= 360
    TOUR.mkdir(parents=True, exist_ok=True)
    browser.execute_script("document.body.style.height = 'auto'")
    browser.save_screenshot(str(TOUR / "phone-log-form.png"))
