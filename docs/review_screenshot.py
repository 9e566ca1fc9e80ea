"""Make docs/img/review.png: the review page of one snapshot trial after two reviewers disagreed and one
value was corrected. Run from the repository: ``.venv/bin/python docs/review_screenshot.py``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from selenium import webdriver

REPO = Path(__file__).resolve().parents[1]
TRIAL = "21935491"


def cli(*argv: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "ketamine_evidence", *argv], check=True, env=env, stdout=subprocess.DEVNULL)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = {**os.environ, "KETAMINE_EVIDENCE_HOME": str(home)}
        shutil.copytree(REPO / "data" / "snapshot" / "pmc", home / "snap" / "pmc")
        cli("harvest", "--source", "snapshot", "--snapshot-dir", str(home / "snap"), env=env)
        cli("extract", "--no-progress", env=env)
        (home / "d.csv").write_text(
            "key,field,value,reason,reviewer\n"
            f"{TRIAL},included,true,,Ann\n"
            f"{TRIAL},included,false,wrong population,Bob\n"
            f"{TRIAL},n_participants,80,,Ann\n"
            f"{TRIAL},follow_up_days,1,24 h after surgery,Ann\n", encoding="utf-8")
        cli("decisions", "import", str(home / "d.csv"), env=env)
        server = subprocess.Popen([sys.executable, "-m", "ketamine_evidence", "review", "--port", "0"], env=env,
                                  stdout=subprocess.PIPE, text=True)
        try:
            url = re.search(r"http://\S+", server.stdout.readline()).group(0)
            options = webdriver.ChromeOptions()
            options.binary_location = shutil.which("chromium") or "chromium"
            for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1100",
                         "--hide-scrollbars"):
                options.add_argument(flag)
            driver = webdriver.Chrome(service=webdriver.ChromeService(shutil.which("chromedriver")), options=options)
            try:
                driver.get(url)
                box = driver.find_element("id", "reviewer")
                box.send_keys("Cy\n")
                driver.get(f"{url}record/{TRIAL}")
                driver.execute_script("document.querySelector('tr[data-field=n_participants]')"
                                      ".dispatchEvent(new MouseEvent('mouseenter'))")
                out = REPO / "docs" / "img" / "review.png"
                driver.save_screenshot(str(out))
                print(out)
            finally:
                driver.quit()
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
