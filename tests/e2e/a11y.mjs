// a11y.mjs — the accessibility checks of the browser suite (GB/T 37668-2019, which follows
// WCAG 2.x; 适老化), run by portal.mjs after its flows against the same demo server:
//   1. axe-core over every GET page of the route table (`gongkai serve --routes`, in $ROUTES),
//      the console pages signed in as a role that may open each; the result per page printed;
//      0 serious or critical violations, and no horizontal scrolling at 360 px and at 200% zoom;
//   2. /apply → receipt → /track by keyboard alone (Tab, Enter, Space; typing into fields);
//   3. the 大字号 and 高对比度 modes persist across pages with JavaScript off;
//   4. codes and secrets stay on one line on a 360-px phone.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

const axeSource = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'];

// Routes that answer with a file or a redirect, not a page: each with its reason.
const NOT_PAGES = {
	'/prefs/text': 'redirect (sets the text-size cookie)',
	'/prefs/contrast': 'redirect (sets the contrast cookie)',
	'/reports/:agency/:year/:rev/:kind': 'report download',
	'/doc/:id/attachments/:n': 'attachment download',
	'/feed.xml': 'Atom feed',
	'/track/notices/:id/:kind': 'notice download',
	'/console/applications/:id/letter.docx': 'letter download',
	'/console/applications/:id/letter.pdf': 'letter download',
	'/console/applications/:id/letter.ofd': 'letter download',
	'/console/applications/:id/files/:n': 'applicant file download',
	'/console/applications/:id/notices/:notice/:format': 'notice download (PDF, Word, OFD, text)',
	'/console/reports/region/:kind': 'region report download',
	'/console/documents/:id/attachments/:n': 'attachment download',
	'/console/audit/export': 'audit export download',
	'/console/templates/:kind/:which': 'notice template download',
};

// The href of the first link on url (as who) whose path matches re.
async function firstLink(page, url, re) {
	await page.goto(url);
	const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
	return hrefs.find((h) => re.test(h.split('?')[0]));
}

// axe-core over the page as it stands: the violations counted by impact.
async function axeRun(page) {
	await page.evaluate(axeSource);  // evaluated by the driver, not a page script: the CSP stays
	return page.evaluate(async () => (await window.axe.run(document, {
		runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
		resultTypes: ['violations'],  // passes and the rest summarised: much faster
	})).violations.map((x) => ({ id: x.id, impact: x.impact, nodes: x.nodes.length,
		where: x.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ') })));
}

// The current TOTP code (RFC 6238: SHA-1, 6 digits, 30 s) of a base32 secret.
function totp(secret) {
	const alpha = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = '';
	for (const ch of secret.replace(/[\s=]/g, '').toUpperCase()) bits += alpha.indexOf(ch).toString(2).padStart(5, '0');
	const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
	const msg = Buffer.alloc(8);
	msg.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000)));
	const h = createHmac('sha1', key).update(msg).digest();
	const o = h[19] & 15;
	return String((h.readUInt32BE(o) & 0x7fffffff) % 1000000).padStart(6, '0');
}

const overflows = (page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

export async function accessibility({ browser, base, ok, pw, routes, letterUrl, docUrl, shot }) {
	const t0 = Date.now();
	const lap = (what) => console.log(`# ${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	const report = [];
	const contexts = {};
	const as = async (who) => {
		if (contexts[who]) return contexts[who];
		const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
		const page = await ctx.newPage();
		if (who !== 'public') {
			await page.goto(base + '/console/login');
			await page.getByLabel('用户名').fill(who);
			await page.getByLabel('密码').fill(pw(who));
			await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '登录' }).click()]);
			if (new URL(page.url()).pathname === '/console/totp') {  // accounts that must set up TOTP first
				if (who === 'security') await check(page, '/console/totp (set-up required)', who);
				await page.getByLabel('动态验证码').fill(totp(await page.locator('code.secret').textContent()));
				await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '启用' }).click()]);
			}
		}
		return (contexts[who] = page);
	};

	// Check one page: axe at 1280 px, the two display controls, no horizontal scrolling at
	// 360 px and at 200% zoom (640 CSS px of a 1280-px window).
	const check = async (page, label, who) => {
		const v = await axeRun(page);
		const by = Object.fromEntries(IMPACTS.map((i) => [i, v.filter((x) => x.impact === i).length]));
		report.push({ label, who, by });
		console.log(`# axe ${label} (${who}): ${IMPACTS.map((i) => `${i} ${by[i]}`).join(', ')}` +
			(v.length ? ' — ' + v.map((x) => `${x.id}/${x.impact}×${x.nodes}`).join(' ') : ''));
		const bad = v.filter((x) => x.impact === 'serious' || x.impact === 'critical');
		ok(bad.length === 0, `${label} (${who}): 0 serious or critical accessibility violations (axe-core)`,
		   bad.map((x) => `${x.id} (${x.impact}): ${x.where}`).join('\n'));
		const nav = page.getByRole('navigation', { name: '显示设置' });
		ok(await nav.getByRole('link', { name: /大字号|标准字号/ }).count() === 1 &&
		   await nav.getByRole('link', { name: /高对比度|标准配色/ }).count() === 1,
		   `${label}: the 大字号 and 高对比度 controls are on the page`);
		const wide = [];
		for (const width of [360, 640]) {
			await page.setViewportSize({ width, height: 740 });
			if (await overflows(page)) wide.push(width + ' px: ' + await page.evaluate(() => [...document.querySelectorAll('main *')]
				.filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && e.parentElement.getBoundingClientRect().right <= window.innerWidth + 1)
				.slice(0, 3).map((e) => e.tagName + '.' + e.className).join(' ')));
		}
		await page.setViewportSize({ width: 1280, height: 900 });
		ok(wide.length === 0, `${label}: no horizontal scrolling at 360 px nor at 200% zoom`, `too wide at ${wide.join('; ')}`);
	};

	// 2. /apply → receipt → /track by keyboard alone, the focus visible at every stop.
	const kctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
	const k = await kctx.newPage();
	const hidden = []; let stops = 0;
	const tabTo = async (pred, what) => {
		for (let i = 0; i < 80; i++) {
			await k.keyboard.press('Tab');
			const st = await k.evaluate(() => {
				const e = document.activeElement, s = getComputedStyle(e);
				return { id: e.id, tag: e.tagName, text: (e.textContent || '').trim(), name: e.getAttribute('name'),
					shown: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };
			});
			if (st.tag === 'BODY') continue;  // past the last control: the focus is in the browser's own bar
			stops++;
			if (!st.shown) hidden.push(`${st.tag}#${st.id} ${st.text.slice(0, 20)}`);
			if (pred(st)) return true;
		}
		throw new Error('Tab never reached ' + what);
	};
	const enter = (key = 'Enter') => Promise.all([k.waitForNavigation(), k.keyboard.press(key)]);
	await k.goto(base + '/');
	await tabTo((s) => s.text === '依申请公开', 'the 依申请公开 link');
	await enter();
	ok(new URL(k.url()).pathname === '/apply', 'keyboard: the application form is reached from the home page');
	await tabTo((s) => s.id === 'f-agency', 'the organ');
	const organs = await k.locator('#f-agency option').allTextContents();
	for (let i = 0; i < organs.indexOf('慈周寨镇'); i++) await k.keyboard.press('ArrowDown');
	await tabTo((s) => s.id === 'f-applicant_name', 'the name');
	await k.keyboard.type('王小明');
	await tabTo((s) => s.id === 'f-phone', 'the phone');
	await k.keyboard.type('13800002222');
	await tabTo((s) => s.text === '提交申请', 'the submit button');
	await enter();
	ok(await k.locator('.error-summary').isVisible(), 'keyboard: the form comes back naming what is missing');
	ok(await k.evaluate(() => document.activeElement.classList.contains('error-summary')), 'keyboard: the focus is on the error summary');
	await check(k, '/apply with errors', 'public');
	const described = await k.evaluate(() => [...document.querySelectorAll('.field-error')].every((p) =>
		p.id && document.querySelector(`[aria-describedby~="${p.id}"][aria-invalid="true"]`)));
	ok(described, 'each field error is tied to its field (aria-describedby, aria-invalid)');
	await tabTo((s) => s.tag === 'A' && s.text.startsWith('所需信息'), 'the error link');
	const target = await k.evaluate(() => document.activeElement.getAttribute('href'));
	await k.keyboard.press('Enter');
	ok(target === '#' + await k.evaluate(() => document.activeElement.id), 'keyboard: the error link leads to the field', target);
	if (target !== '#f-doc_title') await tabTo((s) => s.id === 'f-doc_title', 'the 信息名称');
	await k.keyboard.type('2026年慈周寨镇集贸市场改造项目招标文件');
	await tabTo((s) => s.text === '提交申请', 'the submit button');
	await enter();
	const codes = await k.locator('.receipt .code').allTextContents();
	ok(codes.length === 2, 'keyboard: the receipt shows the tracking code and the secret', codes);
	await check(k, '/apply receipt', 'public');
	await tabTo((s) => s.text === '查询办理进度', 'the tracking link');
	await enter();
	await tabTo((s) => s.id === 'f-code', 'the code');
	await k.keyboard.type(codes[0]);
	await tabTo((s) => s.id === 'f-secret', 'the secret');
	await k.keyboard.type(codes[1]);
	await tabTo((s) => s.text === '查询', 'the 查询 button');
	await enter('Space');
	ok((await k.locator('main').textContent()).includes('待确认收到'), 'keyboard: /track shows the state');
	await check(k, '/track signed in', 'applicant');
	await tabTo((s) => s.text === '确认今日为收到申请之日', 'the confirmation button');
	await enter('Space');
	ok((await k.locator('main').textContent()).includes('办理中'), 'keyboard: the applicant confirms the receipt with Space');
	ok(hidden.length === 0, `keyboard: the focus is visible at each of ${stops} Tab stops`, `without a visible outline: ${hidden.join(', ')}`);

	lap('keyboard path done');
	// 1. every page of the route table
	const app = await firstLink(await as('officer'), base + '/console/applications', /^\/console\/applications\/\d+$/);
	const reg = await firstLink(await as('officer'), base + '/console/registers', /^\/console\/registers\/news$/);
	const regEntry = await firstLink(await as('officer'), base + reg, /^\/console\/registers\/news\/\d+$/);  // the one portal.mjs added
	const user = await firstLink(await as('security'), base + '/console/users', /^\/console\/users\/\d+$/);
	const report1 = await firstLink(await as('public'), base + '/reports', /^\/reports\/\d+\/\d+$/);
	const doc = await firstLink(await as('public'), base + '/catalogue', /^\/doc\/\d+$/);
	const pages = {
		'/': [['public', '/']],
		'/reports': [['public', '/reports']],
		'/reports/:agency/:year': [['public', report1]],
		'/catalogue': [['public', '/catalogue']],
		'/doc/:id': [['public', doc]],
		'/docs/:id': [['public', doc.replace('/doc/', '/docs/')]],
		'/guide': [['public', '/guide']],
		'/search': [['public', '/search?q=' + encodeURIComponent('道路')]],
		'/apply': [['public', '/apply']],
		'/track': [['public', '/track']],
		'/track/withdraw': [['applicant', '/track/withdraw']],
		'/feedback': [['public', '/feedback']],
		'/console/login': [['public', '/console/login']],
		'/console/totp': [['officer', '/console/totp']],
		'/console': ['officer', 'reviewer', 'leader', 'supervisor', 'security', 'auditor'].map((r) => [r, '/console']),
		'/console/applications': [['officer', '/console/applications']],
		'/console/applications/new': [['officer', '/console/applications/new']],
		'/console/applications/:id': [['officer', app]],
		'/console/applications/:id/letter': [['officer', new URL(letterUrl).pathname]],
		'/console/reports': [['leader', '/console/reports']],
		'/console/reports/region': [['supervisor', '/console/reports/region']],
		'/console/documents': [['officer', '/console/documents']],
		'/console/documents/new': [['officer', '/console/documents/new']],
		'/console/documents/:id': [['officer', new URL(docUrl).pathname]],
		'/console/registers': [['officer', '/console/registers']],
		'/console/registers/:reg': [['officer', reg]],
		'/console/registers/:reg/new': [['officer', reg.split('?')[0] + '/new']],
		'/console/registers/:reg/:id': [['officer', regEntry]],
		'/console/users': [['security', '/console/users']],
		'/console/users/:id': [['security', user]],
		'/console/password': [['officer', '/console/password']],
		'/console/audit': [['auditor', '/console/audit']],
		'/console/templates': [['officer', '/console/templates']],
		'/console/templates/:kind': [['leader', '/console/templates/reply']],
	};
	const gets = routes.split('\n').filter((l) => l.startsWith('GET ')).map((l) => l.split(' ')[1]);
	const missing = gets.filter((p) => !pages[p] && !NOT_PAGES[p]);
	ok(missing.length === 0, `every GET route of the route table (${gets.length}) is checked or is a download`, missing.join(' '));
	// two at a time, each in its own renderer: the public pages beside the console's
	const jobs = gets.filter((p) => pages[p]).flatMap((p) => pages[p]);
	const run = async (list) => {
		for (const [who, url] of list) {
			const page = who === 'applicant' ? k : await as(who);
			const res = await page.goto(base + url);
			ok(res.status() === 200 && new URL(page.url()).pathname === url.split('?')[0],
			   `${url} (${who}) opens`, `${res.status()} ${page.url()}`);
			await check(page, url, who);
		}
	};
	const anonymous = (who) => who === 'public' || who === 'applicant';
	await Promise.all([run(jobs.filter(([who]) => anonymous(who))), run(jobs.filter(([who]) => !anonymous(who)))]);
	lap('route table pages done');
	const o = await as('officer');
	// the checker itself: a planted unlabelled field and an image without text are found
	await o.goto(base + '/console/password');
	await o.evaluate(() => document.querySelector('main').insertAdjacentHTML('beforeend', '<input name="planted"><img src="/static/x.png">'));
	const planted = (await axeRun(o)).filter((x) => x.impact === 'critical').map((x) => x.id);
	ok(planted.includes('label') && planted.includes('image-alt'), 'axe-core finds a planted unlabelled field and an image without text', planted.join(' '));
	await o.goto(base + '/no-such-page');
	await check(o, '404 page', 'officer');
	const lp = await as('public');
	await lp.goto(base + '/console/login');
	await lp.getByLabel('用户名').fill('nobody');
	await lp.getByLabel('密码').fill('wrong-password');
	await Promise.all([lp.waitForNavigation(), lp.getByRole('button', { name: '登录' }).click()]);
	await check(lp, '/console/login refused', 'public');

	lap('POST pages done');
	// 3. the display modes persist across pages, read without JavaScript
	const nojs = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', javaScriptEnabled: false });
	const m = await nojs.newPage();
	await m.goto(base + '/catalogue');
	const modes = () => m.evaluate(() => ({ large: document.body.classList.contains('large-text'),
		contrast: document.body.classList.contains('high-contrast'), bg: getComputedStyle(document.body).backgroundColor,
		size: parseFloat(getComputedStyle(document.body).fontSize) }));
	const plain = await modes();
	await Promise.all([m.waitForNavigation(), m.getByRole('link', { name: '大字号' }).click()]);
	await Promise.all([m.waitForNavigation(), m.getByRole('link', { name: '高对比度' }).click()]);
	ok(new URL(m.url()).pathname === '/catalogue', 'the display switches come back to the same page');
	for (const path of ['/apply', '/reports', '/console/login']) {
		await m.goto(base + path);
		const s = await modes();
		ok(s.large && s.contrast && s.size > plain.size && s.bg === 'rgb(0, 0, 0)',
		   `${path}: 大字号 and 高对比度 persist without JavaScript`, JSON.stringify(s));
	}
	await shot(m, '22-login-high-contrast-phone');
	await Promise.all([m.waitForNavigation(), m.getByRole('link', { name: '标准配色' }).click()]);
	await Promise.all([m.waitForNavigation(), m.getByRole('link', { name: '标准字号' }).click()]);
	const back = await modes();
	ok(!back.large && !back.contrast && back.bg === plain.bg, 'both modes switch off again', JSON.stringify(back));

	const hcx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
	await hcx.addCookies([{ name: 'gk_contrast', value: 'high', url: base }, { name: 'gk_text', value: 'large', url: base }]);
	const h = await hcx.newPage();
	for (const path of ['/apply', report1]) {
		await h.goto(base + path);
		const bad = (await axeRun(h)).filter((x) => x.impact === 'serious' || x.impact === 'critical');
		ok(bad.length === 0, `${path} in 高对比度 and 大字号: 0 serious or critical violations (axe-core)`, bad.map((x) => `${x.id}: ${x.where}`).join('\n'));
	}
	await hcx.close();

	lap('display modes done');
	// 4. codes and secrets never wrap: the receipt at 360 px, in large text too
	await k.setViewportSize({ width: 360, height: 740 });
	for (const large of [false, true]) {
		if (large) await kctx.addCookies([{ name: 'gk_text', value: 'large', url: base }]);
		await k.goto(base + '/apply');
		await k.getByLabel('姓名或名称 *').fill('张三');
		await k.getByLabel('联系电话').fill('13600003333');
		await k.getByLabel('信息名称').fill('慈周寨镇2026年财政预算');
		await Promise.all([k.waitForNavigation(), k.getByRole('button', { name: '提交申请' }).click()]);
		const lines = await k.locator('.receipt .code').evaluateAll((es) => es.map((e) => e.getClientRects().length));
		ok(lines.length === 2 && lines.every((n) => n === 1), `the receipt's code and secret each on one line at 360 px${large ? ' in 大字号' : ''}`, lines);
		ok(!(await overflows(k)), `the receipt does not scroll sideways at 360 px${large ? ' in 大字号' : ''}`);
		if (large) await shot(k, '23-receipt-large-phone');
	}
	const dp = await as('public');
	await dp.setViewportSize({ width: 360, height: 740 });
	await dp.goto(base + doc);
	const docCodes = await dp.locator('table.meta .code').evaluateAll((es) => es.map((e) => e.getClientRects().length));
	ok(docCodes.length >= 1 && docCodes.every((n) => n === 1), 'the 索引号 and 文号 each on one line at 360 px', docCodes);
	ok(!(await overflows(dp)), 'the document page does not scroll sideways at 360 px (its table scrolls in its box)');

	await nojs.close();
	await kctx.close();
	for (const p of Object.values(contexts)) await p.context().close();
	const sum = (i) => report.reduce((s, r) => s + r.by[i], 0);
	console.log(`# axe over ${report.length} page views: ${IMPACTS.map((i) => `${i} ${sum(i)}`).join(', ')}; ` +
		`the accessibility checks took ${Math.round((Date.now() - t0) / 1000)} s`);
}
