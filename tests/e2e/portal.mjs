// portal.mjs — browser tests of the portal and the console in Debian chromium (playwright-core).
// Prints TAP. Environment: BASE (the server), SHOTS (screenshot folder), P_<ACCOUNT> passwords
// of the demo accounts, TODAY (YYYY-MM-DD). Run by tests/e2e/run.sh.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { accessibility } from './a11y.mjs';

const base = process.env.BASE;
const shots = process.env.SHOTS;
const pw = (u) => process.env['P_' + u.toUpperCase()];
let n = 0, failed = 0;
const ok = (cond, what, detail) => {
	n++;
	if (cond) console.log(`ok ${n} - ${what}`);
	else { failed++; console.log(`not ok ${n} - ${what}`); if (detail) console.log('# ' + String(detail).slice(0, 400).replace(/\n/g, '\n# ')); }
};

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
	       '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const shot = (page, name) => page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });

// Sign in as user in a context of its own (each account its own cookies).
async function login(user) {
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
	const page = await ctx.newPage();
	await page.goto(base + '/console/login');
	await page.getByLabel('用户名').fill(user);
	await page.getByLabel('密码').fill(pw(user));
	await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '登录' }).click()]);
	return page;
}

const csp = [];
try {
	// 1. A citizen applies on a 360-px phone and tracks the application.
	const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
	const p = await phone.newPage();
	p.on('console', (m) => { if (/Content Security Policy/.test(m.text())) csp.push(m.text()); });
	await p.goto(base + '/');
	ok(await p.locator('h1').first().isVisible(), 'home page renders on a phone');
	const overflow = await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
	ok(!overflow, 'no horizontal scrolling at 360 px');
	await shot(p, '01-home-phone');
	await p.getByRole('link', { name: '大字号' }).click();
	ok(await p.evaluate(() => document.body.classList.contains('large-text')), 'larger-text switch works without JS');
	await p.goto(base + '/apply');
	await p.getByLabel('受理机关').selectOption({ label: '慈周寨镇' });
	await p.getByLabel('姓名或名称 *').fill('韩梅梅');
	await p.getByLabel('联系电话').fill('13912345678');
	await p.getByRole('button', { name: '提交申请' }).click();
	ok(await p.locator('.error-summary').isVisible(), 'a missing description is shown as an error');
	ok((await p.getByLabel('姓名或名称 *').inputValue()) === '韩梅梅', 'what was typed is kept');
	await shot(p, '02-apply-error-phone');
	await p.getByLabel('信息名称').fill('2025年慈周寨镇道路维修项目资金使用情况');
	await p.getByRole('button', { name: '提交申请' }).click();
	await p.waitForSelector('.receipt');
	const codes = await p.locator('.receipt .code').allTextContents();
	ok(codes.length === 2 && /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(codes[0]), 'receipt shows a tracking code and a secret', codes);
	await shot(p, '03-receipt-phone');
	await p.goto(base + '/track');
	await p.getByLabel('查询码').fill(codes[0]);
	await p.getByLabel('查询密码').fill(codes[1]);
	await p.getByRole('button', { name: '查询' }).click();
	ok((await p.locator('main').textContent()).includes('待确认收到'), 'tracking shows the state: awaiting the confirmation of its receipt');
	ok(!(await p.locator('main').textContent()).includes('韩梅梅'), 'tracking never shows the name');
	await shot(p, '04-track-phone');
	// keyboard: the focus is visible
	await p.goto(base + '/track');
	await p.keyboard.press('Tab');
	const outline = await p.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
	ok(outline !== 'none', 'keyboard focus is visible', outline);
	await phone.close();

	// 2. An officer handles it: correction, extension, decision, letter.
	const o = await login('officer');
	ok((await o.locator('h1').textContent()).includes('工作台'), 'officer reaches the dashboard');
	await shot(o, '05-dashboard');
	await o.goto(base + '/console/applications');
	await o.getByRole('link', { name: codes[0] }).click();
	const act = async (label, fill) => {
		const form = o.locator('form', { has: o.getByRole('button', { name: `记录“${label}”` }) });
		if (fill) await fill(form);
		await Promise.all([o.waitForNavigation(), form.getByRole('button').click()]);
	};
	await act('确认收到申请');
	ok((await o.locator('dl.facts').textContent()).includes('办理中'), 'receipt confirmed: being handled');
	await act('补正告知', (f) => f.getByLabel('说明').fill('请写明所需信息的文号或时间范围'));
	ok((await o.locator('dl.facts').textContent()).includes('申请人补正期限'), 'correction requested, with the applicant\'s period', await o.locator('dl.facts').textContent());
	await act('逾期未补正');
	ok(await o.locator('#act-correction-lapsed .field-error').isVisible(), 'closing before the correction period ends is refused beside the action');
	ok((await o.locator('#act-correction-lapsed .field-error').textContent()).includes('第三十条'), '…citing the article');
	await shot(o, '05b-lapse-refused');
	await act('收到补正');
	await act('延长答复期限');
	ok(await o.locator('.error-summary').isVisible(), 'an extension without approver is refused as a form error');
	await shot(o, '06-extension-refused');
	await act('延长答复期限', (f) => f.getByLabel(/批准人/).fill('李建国'));
	ok((await o.locator('main').textContent()).includes('延长答复期限'), 'extension recorded');
	await o.getByLabel('处理结果').selectOption('partial');
	await o.getByLabel(/依据和理由/).fill('所申请信息中涉及个人银行账号的部分属于个人隐私，不予公开。');
	await Promise.all([o.waitForNavigation(), o.getByRole('button', { name: '作出答复' }).click()]);
	ok((await o.locator('dl.facts').textContent()).includes('部分公开'), 'decided: partially disclosed');
	await o.getByRole('link', { name: /答复告知书/ }).click();
	const letterUrl = o.url();
	const letter = await o.locator('article.letter').textContent();
	ok(letter.includes('60日内向滑县人民政府申请行政复议') && letter.includes('6个月内'), 'letter carries the remedy statement with the bodies');
	await shot(o, '07-letter');

	// 3. Three reviewers publish a document the public finds by search.
	await o.goto(base + '/console/documents/new');
	await o.getByLabel('名称').fill('慈周寨镇关于做好冬季取暖安全工作的通知');
	await o.getByLabel('体裁').selectOption('通知');
	await o.getByLabel('主题分类').selectOption('综合政务');
	await o.getByLabel('正文').fill('各村（社区）：入冬以来，取暖用火用电增多。为防范一氧化碳中毒和火灾事故，现就冬季取暖安全工作通知如下。');
	await Promise.all([o.waitForNavigation(), o.getByRole('button', { name: '保存草稿' }).click()]);
	const docUrl = o.url();
	ok(/\/console\/documents\/\d+$/.test(docUrl), 'draft saved', docUrl);
	await Promise.all([o.waitForNavigation(), o.getByRole('button', { name: /提交审核/ }).click()]);
	for (const [who, stage] of [['reviewer', '初审'], ['reviewer2', '复审'], ['leader', '终审']]) {
		const r = await login(who);
		await r.goto(docUrl);
		if (stage === '终审') await r.getByLabel(/已进行保密审查/).check();
		await Promise.all([r.waitForNavigation(), r.getByRole('button', { name: `提交${stage}意见` }).click()]);
		ok(!(await r.locator('.error-summary').count()), `${stage} passed by ${who}`, await r.locator('main').textContent());
		if (stage === '终审') await shot(r, '08-review-final');
		await r.context().close();
	}
	await o.goto(docUrl);
	await Promise.all([o.waitForNavigation(), o.getByRole('button', { name: '发布' }).click()]);
	ok((await o.locator('main').textContent()).includes('已发布'), 'officer publishes the document');
	const pub = await browser.newContext({ locale: 'zh-CN' });
	const q = await pub.newPage();
	await q.goto(base + '/search?q=' + encodeURIComponent('取暖'));
	ok((await q.locator('ol.hits').textContent()).includes('冬季取暖安全'), 'the public finds it by search');
	ok((await q.locator('ol.hits mark').count()) > 0, 'with the match highlighted');
	await shot(q, '09-search');
	await q.getByRole('link', { name: /冬季取暖安全/ }).click();
	ok((await q.locator('table.meta').textContent()).includes('索引号'), 'the document page shows its metadata');
	await shot(q, '10-document');

	// 3b. The officer records a news item in the registers (登记簿) through the console's form.
	await o.goto(base + '/console');
	await o.getByRole('link', { name: '登记簿' }).click();
	await o.getByRole('link', { name: '新闻发布' }).click();
	await o.getByRole('link', { name: '新增登记' }).click();
	await o.getByLabel(/发布平台/).fill('政府网站');
	await o.getByLabel(/标题/).fill('慈周寨镇召开冬季防火动员会');
	await Promise.all([o.waitForNavigation(), o.getByRole('button', { name: '保存' }).click()]);
	ok(await o.locator('.error-summary').isVisible() && (await o.getByLabel(/标题/).inputValue()).includes('冬季防火'),
	   'a news item without its date is refused, the title kept');
	await o.getByLabel(/发布日期/).fill(process.env.TODAY);
	await Promise.all([o.waitForNavigation(), o.getByRole('button', { name: '保存' }).click()]);
	ok((await o.locator('main table').textContent()).includes('冬季防火动员会'), 'the news item is listed in its register');
	await shot(o, '10b-register-news');

	// 4. A leader publishes the annual report.
	const l = await login('leader');
	const year = Number(process.env.TODAY.slice(0, 4)) - 1;
	await l.goto(base + `/console/reports?year=${year}`);
	await shot(l, '11-report-console');
	const errs = Number((await l.locator('main').textContent()).match(/错误（E）(\d+)/)?.[1] ?? -1);
	await Promise.all([l.waitForNavigation(), l.getByRole('button', { name: `发布 ${year} 年度报告` }).click()]);
	if (errs === 0) {
		ok(/\/reports\/\d+\/\d+/.test(l.url()), `the ${year} report is published`, l.url());
	} else {
		ok(await l.locator('.error-summary').isVisible(), `publication refused while ${errs} E finding(s) stand`);
	}
	await shot(l, '12-report-published');
	await q.goto(base + '/reports');
	ok((await q.locator('main').textContent()).includes('慈周寨镇'), 'the public sees the reports list');
	await shot(q, '13-reports');

	// 5. Pictures: the 图解 above a published report's tables, the officer's trends, the
	// supervisor's region pictures; each page checked with axe-core (WCAG 2.1 AA).
	const axeSource = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
	const axeCheck = async (page, what) => {
		await page.evaluate(axeSource);  // evaluated by the driver, not a page script: the CSP stays
		const v = await page.evaluate(async () => (await window.axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
		})).violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`));
		ok(v.length === 0, `${what}: no accessibility violations (axe-core, WCAG 2.1 AA)`, v.join('\n'));
	};
	q.on('console', (m) => { if (/Content Security Policy/.test(m.text())) csp.push(m.text()); });
	await q.locator('tr', { hasText: '滑县自然资源局' }).getByRole('link', { name: '2024 年度' }).first().click();
	const fig = q.getByRole('img', { name: '滑县自然资源局2024年政府信息公开工作年度报告图解' });
	ok(await fig.isVisible(), 'the published report shows its 图解, named for screen readers');
	const figBox = await fig.boundingBox(), tableBox = await q.locator('article.report table').first().boundingBox();
	ok(figBox && tableBox && figBox.y + figBox.height <= tableBox.y, 'the 图解 is above the tables');
	ok((await q.locator('figure.chart figcaption').textContent()).includes('以表格为准'), 'the figure has a caption');
	await shot(q, '14-report-figure');
	await axeCheck(q, 'report page with its 图解');
	await q.setViewportSize({ width: 360, height: 740 });
	ok((await fig.boundingBox()).width <= 360, 'the 图解 fits a 360-px phone');
	await o.goto(base + '/console');
	const strip = o.getByRole('img', { name: '今后20个工作日到期的申请' });
	ok(await strip.isVisible(), "the officer's dashboard shows the next 20 working days");
	ok(await o.getByRole('img', { name: '收到的政府信息公开申请' }).isVisible(), 'and the months received against last year');
	await shot(o, '15-dashboard-trends');
	await axeCheck(o, 'dashboard with trends');
	const sv = await login('supervisor');
	sv.on('console', (m) => { if (/Content Security Policy/.test(m.text())) csp.push(m.text()); });
	await sv.goto(base + `/console/reports/region?year=${year}`);
	ok(await sv.getByRole('img', { name: /所属机关\d+年收到的申请和超期申请/ }).isVisible(), 'the region page draws every organ');
	await shot(sv, '16-region-pictures');
	await axeCheck(sv, 'region page with pictures');
	await sv.context().close();
	// 6. The demo portal as a newcomer sees it on a desktop: home, the catalogue, a document.
	await q.setViewportSize({ width: 1280, height: 900 });
	await q.goto(base + '/');
	ok((await q.locator('main').textContent()).includes('慈周寨镇'), 'the home page lists the latest publications');
	await shot(q, '17-demo-home');
	await q.goto(base + '/catalogue');
	const rows = await q.locator('main table tbody tr').count();
	ok(rows >= 10, 'the catalogue lists a page of documents', String(rows));
	await shot(q, '18-demo-catalogue');
	await q.locator('main table tbody tr a').first().click();
	ok((await q.locator('table.meta').textContent()).includes('主题分类'), 'a document page with its metadata');
	await shot(q, '19-demo-document');
	// 7. An applicant confirms, corrects and then withdraws an application entirely online; the
	// officer sees each step at once; the annual report counts the withdrawal under （六）3.
	const thisYear = process.env.TODAY.slice(0, 4);
	const otherCell = async () => {
		await l.goto(base + `/console/reports?year=${thisYear}`);
		const row = l.locator('tr', { has: l.locator('td', { hasText: /^3\.其他$/ }) }).first();
		return (await row.locator('td.n').allTextContents()).map(Number);
	};
	const before = await otherCell();
	const ac = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
	const a = await ac.newPage();
	a.on('console', (m) => { if (/Content Security Policy/.test(m.text())) csp.push(m.text()); });
	await a.goto(base + '/apply');
	await a.getByLabel('受理机关').selectOption({ label: '慈周寨镇' });
	await a.getByLabel('姓名或名称 *').fill('李雷');
	await a.getByLabel('联系电话').fill('13700001111');
	await a.getByLabel('信息名称').fill('慈周寨镇2026年农村公路养护经费');
	await a.getByRole('button', { name: '提交申请' }).click();
	await a.waitForSelector('.receipt');
	const [acode, asecret] = await a.locator('.receipt .code').allTextContents();
	await a.goto(base + '/track');
	await a.getByLabel('查询码').fill(acode);
	await a.getByLabel('查询密码').fill(asecret);
	await Promise.all([a.waitForNavigation(), a.getByRole('button', { name: '查询' }).click()]);
	await Promise.all([a.waitForNavigation(), a.getByRole('button', { name: '确认今日为收到申请之日' }).click()]);
	ok((await a.locator('main').textContent()).includes('办理中'), 'the applicant confirms the date of receipt online (条例第三十一条)');
	await axeCheck(a, '/track signed in');
	await o.goto(base + '/console/applications');
	await o.getByRole('link', { name: acode }).click();
	const appUrl = o.url();
	await act('补正告知', (f) => f.getByLabel('说明').fill('请写明所需经费的月份'));
	await a.reload();
	ok(await a.getByRole('button', { name: '提交补正' }).isVisible(), 'the applicant is offered the correction form');
	await a.getByLabel('补正内容 *').fill('需要2026年1月至6月农村公路养护经费的使用明细');
	await a.getByLabel('文件一').setInputFiles({ name: '补正说明.pdf', mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
	await shot(a, '20-track-correct-phone');
	await axeCheck(a, '/track with the correction form');
	await Promise.all([a.waitForNavigation(), a.getByRole('button', { name: '提交补正' }).click()]);
	ok((await a.locator('main').textContent()).includes('补正材料已提交'), 'the applicant sends the correction with a file');
	await o.goto(appUrl);
	const appText = await o.locator('main').textContent();
	ok(appText.includes('需要2026年1月至6月农村公路养护经费的使用明细') && appText.includes('补正说明.pdf'),
	   'the officer sees the correction and its file at once');
	await a.getByRole('link', { name: '撤回申请…' }).click();
	await axeCheck(a, '/track/withdraw');
	await a.getByLabel('我确认撤回此申请').check();
	await Promise.all([a.waitForNavigation(), a.getByRole('button', { name: '确认撤回' }).click()]);
	ok((await a.locator('main').textContent()).includes('申请人撤回'), 'the applicant withdraws after confirming');
	await shot(a, '21-track-withdrawn-phone');
	await o.goto(appUrl);
	ok((await o.locator('main').textContent()).includes('申请人撤回') && !(await o.locator('dl.facts').textContent()).includes('办理中'), 'the officer sees the withdrawal at once: closed', await o.locator('dl.facts').textContent());
	const after = await otherCell();
	ok(after.length === 7 && after[0] === before[0] + 1 && after[6] === before[6] + 1,
	   'the annual report counts the withdrawal under （六）3 (自然人 and 总计)', `${before} → ${after}`);
	await ac.close();
	// 8. Accessibility of every page (a11y.mjs).
	await accessibility({ browser, base, ok, pw, routes: process.env.ROUTES, letterUrl, docUrl, shot });
	await o.context().close();
	await l.context().close();
	await pub.close();
	ok(csp.length === 0, 'no Content-Security-Policy violations', csp.join('\n'));
} catch (err) {
	ok(false, 'browser flow ran to the end', err.stack || err);
} finally {
	await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
