"""core.js against an independent implementation (numpy-financial), on many random loans.

Node computes the schedules (the code readers run); numpy-financial computes the annuity payment
and the IRR from scratch. Seeded, so a failure reproduces.
"""

import json
import random
import subprocess
from decimal import ROUND_HALF_UP, Decimal

import numpy_financial as npf
import pytest

from tests.paths import ROOT

CORE = (ROOT / "docs" / "javascripts" / "repayment" / "core.js").as_uri()
SCRIPT = f"""
import {{ schedule }} from "{CORE}";
const cases = JSON.parse(process.argv[1]);
console.log(JSON.stringify(cases.map((c) => {{
  const s = schedule(c);
  return {{ payments: s.payments.map((p) => p.payment), interest: s.payments.map((p) => p.interest), apr: s.apr }};
}})));
"""


def run_core(cases):
    out = subprocess.run(["node", "--input-type=module", "-e", SCRIPT, json.dumps(cases)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def half_up_fen(value):
    exact = value if isinstance(value, Decimal) else Decimal(float(value))
    return int(exact.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


FLAT_FEE_YEAR_LOANS = 40


@pytest.fixture(scope="module")
def random_loans():
    rng = random.Random(20261130)
    cases = []
    for _ in range(150):
        cases.append(
            {
                "principal": rng.randrange(100_000, 500_000_000) / 100,  # 1,000 to 5,000,000 yuan
                "annualRate": rng.randrange(1, 3600) / 10_000,  # 0.01 % to 36 %
                "months": rng.choice([3, 6, 12, 18, 24, 36, 48, 60, 120, 240, 360, 600, rng.randrange(1, 601)]),
                "method": rng.choice(["equal-installment", "equal-principal", "interest-only", "flat-fee"]),
                "monthlyFeeRate": rng.randrange(10, 200) / 10_000,
            }
        )
    # The everyday 等本等息 loan (a year to a year and a half): the random mix above holds only a
    # few, too few for the 1.8-times rule below to be checked on more than a handful.
    for _ in range(FLAT_FEE_YEAR_LOANS):
        cases.append(
            {
                "principal": rng.randrange(100_000, 50_000_000) / 100,  # 1,000 to 500,000 yuan
                "annualRate": rng.randrange(1, 3600) / 10_000,  # unused by this method
                "months": rng.randrange(12, 19),
                "method": "flat-fee",
                "monthlyFeeRate": rng.randrange(10, 200) / 10_000,  # 0.1 % to 1.99 % a month
            }
        )
    return cases, run_core(cases)


def test_annuity_payment_matches_numpy_financial(random_loans):
    cases, results = random_loans
    checked = 0
    for case, result in zip(cases, results):
        if case["method"] != "equal-installment":
            continue
        expected = half_up_fen(-npf.pmt(case["annualRate"] / 12, case["months"], case["principal"] * 100))
        assert result["payments"][0] == expected, case
        if case["months"] > 1:
            assert all(p == expected for p in result["payments"][:-1]), case
        checked += 1
    assert checked >= 20


def test_apr_matches_numpy_financial_irr(random_loans):
    cases, results = random_loans
    long_terms = checked = 0
    for case, result in zip(cases, results):
        # npf.irr finds polynomial roots (cubic in the term): check every short loan, a few long ones.
        if case["months"] > 120:
            long_terms += 1
            if long_terms > 4:
                continue
        flows = [round(case["principal"] * 100)] + [-p for p in result["payments"]]
        expected = npf.irr(flows) * 12
        assert result["apr"] == pytest.approx(expected, abs=1e-9), case
        checked += 1
    assert checked >= 100 + FLAT_FEE_YEAR_LOANS and long_terms > 4  # every short loan and a few long ones


def test_interest_is_the_rounded_balance_times_the_monthly_rate(random_loans):
    cases, results = random_loans
    for case, result in zip(cases, results):
        if case["method"] == "flat-fee":
            fee = half_up_fen(Decimal(round(case["principal"] * 100)) * Decimal(str(case["monthlyFeeRate"])))
            assert set(result["interest"]) == {fee}, case
            continue
        balance = Decimal(round(case["principal"] * 100))
        rate = Decimal(str(case["annualRate"])) / 12
        for payment, interest in zip(result["payments"], result["interest"]):
            assert interest == int((balance * rate).quantize(Decimal("1"), rounding=ROUND_HALF_UP)), case
            balance -= payment - interest


def test_flat_fee_real_rate_is_about_1_8_times_the_nominal(random_loans):
    # The rule of thumb holds for a year to a year and a half (2n/(n+1), a little less as the fee
    # grows); at 24 months and a low fee the ratio passes 1.9.
    cases, results = random_loans
    checked = 0
    for case, result in zip(cases, results):
        if case["method"] == "flat-fee" and 12 <= case["months"] <= 18:
            ratio = result["apr"] / (12 * case["monthlyFeeRate"])
            assert 1.7 < ratio < 1.9, (case, ratio)
            checked += 1
    assert checked >= FLAT_FEE_YEAR_LOANS
