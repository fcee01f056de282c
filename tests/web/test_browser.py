"""End-to-end journeys in headless Chromium (Debian's chromium + chromedriver, driven by Selenium).

CI installs the browser (.ci/run); on a machine without it these tests skip, except under CI=true
where a missing browser is a failure. The product-tour test photographs the main pages; with
CRM_UPDATE_TOUR=1 it saves them into docs/tour/, which the README links (install a Chinese font
first, e.g. Debian's fonts-wqy-microhei), and otherwise into a temporary folder, so that a test run
never rewrites tracked files.
"""

import os
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from crm.interactions.models import Interaction
from crm.interactions.services import TransferInput, interaction_create
from tests.factories import ClinicianFactory

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
TOUR = Path(__file__).resolve().parents[2] / "docs" / "tour"
UPDATE_TOUR = os.environ.get("CRM_UPDATE_TOUR") == "1"
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
    for field, value in (
        ("case_age_band", "65-79"),
        ("case_sex", "M"),
        ("case_condition_group", "cerebrovascular"),
        ("case_topic", "pre_referral"),
    ):
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
        author=liaison,
        kind="visit",
        organization=organization,
        occurred_at=timezone.now(),
        summary="拜访王院长，讨论双向转诊流程。",
        transfers=[
            TransferInput(nature="gift", description="茶叶一盒", amount=Decimal("120"), recipient_clinician=doctor)
        ],
    )
    login(browser, live_server, reviewer.username)
    browser.get(live_server.url + reverse("web:queue"))
    browser.find_element(By.CSS_SELECTOR, f"a[href$='{reverse('web:review', args=[interaction.pk])}']").click()
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "button[value=approve]"))).click()
    wait(browser, lambda d: Interaction.objects.get(pk=interaction.pk).review_status == "approved")
    login(browser, live_server, liaison.username)
    browser.get(f"{live_server.url}/interactions/{interaction.pk}/")
    assert browser.find_elements(By.CSS_SELECTOR, "main .badge.approved")


def test_reviewer_clears_a_false_alarm(browser, live_server, liaison, reviewer, organization):
    interaction = interaction_create(
        author=liaison,
        kind="visit",
        organization=organization,
        occurred_at=timezone.now(),
        summary="讲完课，王院长留我们吃了顿便饭，没好推掉。",
    )
    login(browser, live_server, reviewer.username)
    browser.get(live_server.url + reverse("web:review", args=[interaction.pk]))
    browser.find_element(By.CSS_SELECTOR, "input[name=screening_verdict][value=false_alarm]").click()
    browser.find_element(By.CSS_SELECTOR, "button[value=approve]").click()
    wait(browser, lambda d: Interaction.objects.get(pk=interaction.pk).review_status == "approved")
    assert interaction.decisions.get().screening_verdict == "false_alarm"


@pytest.fixture
def shots(tmp_path) -> Path:
    """Where the screenshots go: docs/tour/ when updating the tour, else a temporary folder."""
    if not UPDATE_TOUR:
        return tmp_path
    TOUR.mkdir(parents=True, exist_ok=True)
    return TOUR


def test_phone_width_log_form_fits_without_sideways_scrolling(browser, live_server, liaison, organization, shots):
    ClinicianFactory(organization=organization, name="王建国")
    browser.set_window_size(360, 780)
    login(browser, live_server, liaison.username)
    browser.get(f"{live_server.url}/partners/{organization.pk}/log/visit/")
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 360, width
    button = browser.find_element(By.CSS_SELECTOR, "#log-form button[type=submit]")
    assert button.size["width"] <= 360
    browser.execute_script("document.body.style.height = 'auto'")
    browser.save_screenshot(str(shots / "phone-log-form.png"))


TOUR_PAGES = [
    ("liaison.zhang", "web:today", "01-liaison-today.png"),
    ("liaison.zhang", "web:log_start", "02-liaison-log-start.png"),
    ("liaison.zhang", "web:partners", "04-partner-directory.png"),
    ("liaison.zhang", "web:follow_ups", "06-follow-ups.png"),
    ("liaison.zhang", "web:summaries", "07-summaries.png"),
    ("director.zhou", "web:director", "08-director-dashboard.png"),
    ("director.zhou", "web:assignments", "09-territories.png"),
    ("compliance.sun", "web:queue", "10-compliance-queue.png"),
    ("compliance.sun", "web:compliance_dashboard", "12-compliance-dashboard.png"),
    ("compliance.sun", "web:policy", "13-policy-editor.png"),
]


def full_page_screenshot(driver, path: Path, width: int = 1280) -> None:
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 4000)")
    chrome = driver.execute_script("return window.outerHeight - window.innerHeight")  # the window's own bars
    driver.set_window_size(width, max(height, 700) + max(chrome, 0))
    driver.save_screenshot(str(path))


def test_product_tour_screenshots(browser, live_server, shots):
    """Loads the demo month and photographs the main pages for the README's product tour."""
    from crm.demo.data import DEMO_PASSWORD
    from crm.demo.loader import load_demo_data
    from crm.interactions.models import Interaction as Logged
    from crm.partners.models import Organization

    load_demo_data()
    for username, url_name, name in TOUR_PAGES:
        path = reverse(url_name)
        browser.delete_all_cookies()
        browser.set_window_size(1280, 900)
        browser.get(live_server.url + "/login/")
        browser.find_element(By.ID, "id_username").send_keys(username)
        browser.find_element(By.ID, "id_password").send_keys(DEMO_PASSWORD)
        browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        wait(browser, EC.url_changes(live_server.url + "/login/"))
        browser.get(live_server.url + path)
        assert browser.find_elements(By.CSS_SELECTOR, "main h1"), path
        full_page_screenshot(browser, shots / name)
        if url_name == "web:partners":
            partner = Organization.objects.visible_to(browser_user(username)).order_by("-interactions__occurred_at")[0]
            browser.get(f"{live_server.url}/partners/{partner.pk}/")
            full_page_screenshot(browser, shots / "05-partner-page.png")
            browser.get(f"{live_server.url}/partners/{partner.pk}/log/visit/")
            browser.find_element(By.ID, "id_summary").send_keys("拜访院长，沟通下月糖尿病讲座，中午在食堂吃了工作餐。")
            Select(browser.find_element(By.ID, "id_tov-0-nature")).select_by_value("food")
            browser.find_element(By.ID, "id_tov-0-description").send_keys("医院食堂工作餐")
            browser.find_element(By.ID, "id_tov-0-amount").send_keys("45")
            Select(browser.find_element(By.ID, "id_tov-0-recipient")).select_by_index(2)
            wait(browser, lambda d: "¥45" in d.find_element(By.ID, "policy-panel").text)
            full_page_screenshot(browser, shots / "03-liaison-log-form.png")
        if url_name == "web:queue":
            # the oldest note screening flagged, so the page shows the reviewer's verdict question
            pending = (
                Logged.objects.filter(review_status="pending", findings__rule="undeclared_text")
                .order_by("updated_at")
                .first()
            )
            browser.get(live_server.url + reverse("web:review", args=[pending.pk]))
            full_page_screenshot(browser, shots / "11-review-page.png")


def browser_user(username):
    from crm.people.models import User

    return User.objects.get(username=username)
