from crm.manage import main

main()
