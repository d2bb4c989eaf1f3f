package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page of every role fits a phone (390×844) and a desktop (1280×800) with no horizontal
 * scroll of the page: tables scroll in their own box or read as cards, forms stack, the menu
 * folds. The pages are those of the page mappings (as {@link PageSecurityTest} finds them), each
 * opened by each role allowed on it. The member's statement reads as cards on a phone, newest
 * first, and its date filter works; the dashboard's monthly table fits at 1280 px.
 */
@Tag("browser")
class ScreenSizesBrowserTest extends IntegrationTest {

    static final int[][] SCREENS = {{390, 844}, {1280, 800}};

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @BeforeAll
    static void chromium() {
        Assumptions.assumeTrue(Files.isExecutable(Browser.CHROMIUM) && Files.isExecutable(Browser.CHROMEDRIVER),
                "browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed "
                        + "(apt-get install chromium chromium-driver; .ci/run does it)");
    }

    @Test
    void everyPageOfEveryRoleFitsAPhoneAndADesktopWithoutScrollingSideways() throws Exception {
        String currency = ledger.currency("20", "21");
        ledger.sponsorBudget(currency, "1000.00", null);
        String counter = ledger.counter(currency);
        String suffix = currency.substring(1, 6);
        Party member = ledger.participant("MEMBER", "Alice Martin-Delacroix de la Fontaine " + suffix, currency);
        Party merchant = ledger.merchant("Épicerie coopérative du Vieux-Port et des Halles " + suffix, currency);
        Party ccas = ledger.participant("CCAS", "Centre communal d'action sociale " + suffix, currency);
        Party collectivite = ledger.participant("COLLECTIVITE", "Communauté d'agglomération " + suffix, currency);
        assertThat(ledger.convert(counter, member, "120.00").status()).isEqualTo(201);
        for (int i = 1; i <= 4; i++) {
            Api.Response paid = api.post("/api/v1/payments", """
                    {"from":"%s","to":"%s","amount":"%d.25","reference":"Panier hebdomadaire de légumes n°%d \
                    (commande groupée de l'AMAP)"}""".formatted(member.accountId(), merchant.accountId(), i, i));
            assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        }
        Api.Response closing = ledger.close(counter, "100.00");
        assertThat(closing.status()).as(closing.toString()).isEqualTo(201);
        String program = ledger.aidProgram(ccas, currency, "ALIMENTATION");
        Map<Role, User> users = new TreeMap<>();
        users.put(Role.ADMIN, ledger.user("ADMIN", null, null));
        users.put(Role.AUDITOR, ledger.user("AUDITOR", null, null));
        users.put(Role.COUNTER_AGENT, ledger.user("COUNTER_AGENT", null, counter));
        users.put(Role.MEMBER, ledger.user("MEMBER", member.id(), null));
        users.put(Role.MERCHANT, ledger.user("MERCHANT", merchant.id(), null));
        users.put(Role.CCAS, ledger.user("CCAS", ccas.id(), null));
        users.put(Role.COLLECTIVITE, ledger.user("COLLECTIVITE", collectivite.id(), null));
        assertThat(users.keySet()).as("every role is walked").containsExactlyInAnyOrder(Role.values());
        // pages that need a parameter get a real one (an unknown one shows the error page, which must fit too)
        Map<String, String> queries = Map.of(
                "/association", "?currency=" + currency,
                "/association/account", "?id=" + member.accountId(),
                "/counter/z-report", "?closing=" + closing.get("id"),
                "/ccas/program", "?id=" + program,
                "/ccas/batch", "?program=" + program + "&batch=" + UUID.randomUUID());

        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (Browser browser = new Browser("http://localhost:" + port)) {
            for (int[] screen : SCREENS) {
                browser.viewport(screen[0], screen[1]);
                browser.open("/login");
                checked += check(browser, "anonymous", "/login", screen, failures);
                // the public figures and directory, to anyone without an account
                for (String open : List.of("/public/" + currency, "/public/" + currency + "/annuaire")) {
                    browser.open(open);
                    checked += check(browser, "anonymous", open, screen, failures);
                }
            }
            for (Map.Entry<Role, User> entry : users.entrySet()) {
                browser.signIn(entry.getValue().username(), entry.getValue().password());
                for (String path : pagesOf(entry.getKey())) {
                    String url = path + queries.getOrDefault(path, "");
                    for (int[] screen : SCREENS) {
                        browser.viewport(screen[0], screen[1]);
                        browser.open(url);
                        checked += check(browser, entry.getKey().name(), url, screen, failures);
                    }
                }
                browser.signOut();
            }
            assertThat(failures).as("pages wider than the screen").isEmpty();
            assertThat(checked).as("pages checked").isGreaterThan(40);

            // the member's statement on a phone: cards, newest first, the date filter
            browser.signIn(users.get(Role.MEMBER).username(), users.get(Role.MEMBER).password());
            browser.viewport(390, 844);
            browser.open("/account");
            List<WebElement> rows = browser.find("#statement").findElements(By.cssSelector("tbody tr"));
            assertThat(rows).hasSize(5);
            assertThat(rows.get(0).getText()).as("newest first").contains("4,25").contains("n°4");
            assertThat(rows.get(4).getText()).as("the conversion, first booked, is last").contains("126,00");
            // a card: each cell on its own line with its column's name, the table's head hidden
            assertThat(rows.get(0).getCssValue("display")).isEqualTo("block");
            assertThat(browser.driver.executeScript("return [...arguments[0].querySelectorAll('td')]"
                    + ".map(td => getComputedStyle(td, '::before').content).join(' ');", rows.get(0)))
                    .asString().contains("Montant").contains("Solde");
            assertThat(browser.find("#statement").findElement(By.cssSelector("thead")).getSize().getHeight())
                    .isLessThanOrEqualTo(1);
            assertThat(rows.get(0).getRect().getWidth()).isLessThanOrEqualTo(390);
            // the menu folds behind its button and opens on a tap
            assertThat(browser.driver.findElement(By.id("menu")).isDisplayed()).isFalse();
            browser.find(".menu-toggle").click();
            assertThat(browser.driver.findElement(By.id("menu")).isDisplayed()).isTrue();
            browser.find(".menu-toggle").click();
            browser.fullScreenshot("30-statement-390", 390, 844);
            browser.open("/account?from=2000-01-01&to=2000-12-31");
            assertThat(browser.driver.findElements(By.cssSelector("#statement tbody tr"))).isEmpty();
            assertThat(browser.find("#from").getAttribute("value")).isEqualTo("2000-01-01");
            browser.signOut();

            // the dashboard at 1280 px: the monthly table fits, months by name, charts with their units
            browser.signIn(users.get(Role.AUDITOR).username(), users.get(Role.AUDITOR).password());
            browser.viewport(1280, 800);
            browser.open("/association?currency=" + currency);
            WebElement months = browser.find("#months");
            assertThat(months.getRect().getX() + months.getRect().getWidth()).isLessThanOrEqualTo(1280);
            assertThat((Long) browser.driver.executeScript("const t = document.getElementById('months');"
                    + " return t.parentElement.scrollWidth - t.parentElement.clientWidth;"))
                    .as("the monthly table needs no scrolling at 1280 px").isLessThanOrEqualTo(0L);
            assertThat(months.findElement(By.cssSelector("tbody tr th")).getText()).matches("[a-zéû]+\\.? \\d{4}");
            assertThat(browser.driver.findElements(By.cssSelector("svg.chart line.mark"))).hasSize(1);
            browser.fullScreenshot("31-dashboard-1280", 1280, 800);
            browser.viewport(390, 844);
            browser.open("/association?currency=" + currency);
            browser.fullScreenshot("32-dashboard-390", 390, 844);
            browser.signOut();
        }
    }

    /** The GET pages a role may open, as HTML (downloads left out). */
    private List<String> pagesOf(Role role) {
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, HandlerMethod> page : PageSecurityTest.pages(mappings).entrySet()) {
            Allowed allowed = page.getValue().getMethodAnnotation(Allowed.class);
            if (!page.getKey().startsWith("GET ") || allowed == null || !Arrays.asList(allowed.value()).contains(role)
                    || page.getValue().getMethod().getReturnType() != String.class) {
                continue;
            }
            if (page.getKey().endsWith("/options")) {
                continue; // an htmx fragment (a picker's list of options), not a page
            }
            paths.add(page.getKey().substring(4));
        }
        return paths;
    }

    private static int check(Browser browser, String who, String url, int[] screen, List<String> failures) {
        long overflow = browser.overflow();
        if (overflow > 0) {
            Object widest = browser.driver.executeScript("""
                    const w = window.innerWidth; const out = [];
                    for (const e of document.querySelectorAll('body *')) {
                      const r = e.getBoundingClientRect();
                      if (r.right > w + 1 && out.length < 5) {
                        out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                          + (e.className && e.className.baseVal === undefined ? '.' + e.className : '')
                          + ' right=' + Math.round(r.right));
                      }
                    }
                    return out.join(', ');""");
            failures.add(who + " " + url + " at " + screen[0] + "×" + screen[1] + ": " + overflow
                    + " px too wide (" + widest + ")");
        }
        return 1;
    }

    static {
        System.setProperty("webdriver.chrome.driver", Browser.CHROMEDRIVER.toString());
        System.setProperty("SE_AVOID_STATS", "true");
    }
}
