import type { UssdMenu } from '../../modem/virtual/ussd-session';

/** The two texts every gateway sends: one fits a GSM-7 part, the other needs UCS-2 and two parts. */
export const demoGatewayTexts = {
  gsm7: 'Your code is 482913.',
  unicode: 'Ваш заказ 📦 отправлен. Курьер привезёт его завтра с 9:00 до 12:00. Спасибо!',
} as const;

/** The sender id shown on the handset (Route Mobile insists on one). */
export const demoSender = 'SMSBRIDGE';

/** Recipients in the UK drama range; none ends in a suffix the simulators fail on (666, 888, 999). */
export const demoRecipients = { gsm7: '+447700900101', unicode: '+447700900102' } as const;

/** The received SMS the demo puts into the Diafaan simulator's network. */
export const demoInbound = { from: '+447700900555', text: 'Hi, is my order on its way?' } as const;

/** What the virtual modem sends, receives and dials. */
export const demoModem = {
  to: '+447700900123',
  text: 'Привет из smsbridge! 📡 Это сообщение идёт через виртуальный модем SIM800 и не помещается в одну часть.',
  inbound: {
    from: '+447700900777',
    text: 'This reply is long enough to need two SMS parts, and the virtual network delivers part two before part one, so the driver has to put them back in order before handing the message on.',
  },
  ussdCode: '*100#',
} as const;

/** The operator menu of the demo's virtual SIM (the profiles ship none). */
export const demoUssdMenu: UssdMenu = {
  '*100#': 'Balance: 12.50 EUR, valid until 31.12.2026',
};
